/** The Postgres schema this app owns; no other app reads or writes it. */
export const SCHEMA = 'matching';
