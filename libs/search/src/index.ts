export * from './search.module';
export * from './search-client';
export * from './search-connection';
export * from './versioned-index';
export { DEFAULT_SEARCH_LIMITS, SearchLimits, searchLimitsOf } from './engine-limits';
