export * from './principal';
export * from './jwt';
export * from './auth.decorators';
export * from './jwt-auth.guard';
export * from './principal-throttler.guard';
export * from './auth.module';
