/** 共享用工 (二): an offer lends idle staff, a request asks for staff; both are called posts here. */
export const SHARING_SIDES = ['offer', 'request'] as const;
export type SharingSide = (typeof SHARING_SIDES)[number];

/** `closed`: withdrawn by its agency, or its period is over; `open` with 0 open headcount is fully agreed. */
export const SHARING_POST_STATUSES = ['open', 'closed'] as const;
export type SharingPostStatus = (typeof SHARING_POST_STATUSES)[number];
