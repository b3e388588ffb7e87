export * from './search.module';
export * from './versioned-index';
