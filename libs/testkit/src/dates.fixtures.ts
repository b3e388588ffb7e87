const DAY_MS = 86_400_000;

/** An ISO time `days` after `from` (now by default): start and end dates of test jobs. */
export const inDays = (days: number, from = Date.now()) => new Date(from + days * DAY_MS).toISOString();
