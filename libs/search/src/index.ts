export * from './search.module';
export * from './search-client';
export * from './search-connection';
export * from './versioned-index';
export { searchLimitsOf } from './engine-limits';
