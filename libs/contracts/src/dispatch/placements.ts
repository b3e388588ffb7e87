/**
 * Where a placement came from: an accepted match, a batch arrival, a hire made outside both, or a
 * 共享用工 agreement (staff lent until a return date; created by dispatch from SharingAgreed, never posted).
 */
export const PLACEMENT_SOURCES = ['match', 'batch', 'direct', 'sharing'] as const;
export type PlacementSource = (typeof PLACEMENT_SOURCES)[number];

export const PLACEMENT_END_REASONS = ['contract_end', 'quit', 'dismissed', 'other'] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

/** Retention checks (稳岗回访) fall due 1, 3 and 6 months after the start. */
export const RETENTION_CHECK_MONTHS = [1, 3, 6] as const;
export type RetentionCheckMonths = (typeof RETENTION_CHECK_MONTHS)[number];

/** `YYYY-MM-DD`, a calendar day in China. */
export const CALENDAR_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** 统一社会信用代码: 18 characters, digits and capital letters without I, O, S, V, Z. */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
