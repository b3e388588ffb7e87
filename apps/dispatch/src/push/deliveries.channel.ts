/**
 * Postgres NOTIFY channel carrying a station id whenever that station has new deliveries. Every
 * dispatch instance LISTENs, so any instance can serve any station's stream although each one
 * consumes only a share of the match partitions.
 */
export const DELIVERIES_CHANNEL = 'dispatch_deliveries';
