export * from './ensure-schema';
export * from './persistence.module';
export * from './postgres.readiness';
export * from './test-database.guard';
export * from './export-pool';
export * from './pg-listen';
export * from './retention-purge';
