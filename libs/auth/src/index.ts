export * from './principal';
export * from './jwt';
export * from './auth.decorators';
export * from './jwt-auth.guard';
export * from './principal-throttler.guard';
export * from './rate-limit/redis-throttler.storage';
export * from './rate-limit/unauthenticated-limiter';
export * from './auth.module';
