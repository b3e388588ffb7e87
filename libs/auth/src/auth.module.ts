import { DynamicModule, Inject, Injectable, Module, OnModuleInit, Provider } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { getOptionsToken, getStorageToken, ThrottlerStorageService } from '@nestjs/throttler';
import type { BaseConfig, JwtSettings } from '@laowu/platform';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokenVerifier } from './jwt';
import { PrincipalThrottlerGuard } from './principal-throttler.guard';
import { RedisThrottlerStorage } from './rate-limit/redis-throttler.storage';
import { UNAUTHENTICATED_LIMIT_PER_MINUTE, UnauthenticatedLimiter } from './rate-limit/unauthenticated-limiter';

export interface AuthOptions {
  jwt: JwtSettings;
  /** Per principal and route. */
  requestsPerMinute: number;
  /** Per client address, for requests without a valid token. */
  unauthenticatedPerMinute: number;
  /** Shared counters for all instances; without it each instance counts in memory. */
  redisUrl?: string;
  redisKeyPrefix?: string;
  /** Proxies whose X-Forwarded-For gives the client address. */
  trustProxyHops?: number;
}

export function authOptionsFrom(config: BaseConfig): AuthOptions {
  return {
    jwt: config.jwtSettings(),
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    unauthenticatedPerMinute: config.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
    redisUrl: config.REDIS_URL,
    redisKeyPrefix: config.RATE_LIMIT_KEY_PREFIX,
    trustProxyHops: config.TRUST_PROXY_HOPS,
  };
}

const TRUST_PROXY_HOPS = Symbol('TRUST_PROXY_HOPS');

/** Express's `trust proxy`, so that `req.ip` is the client behind the ingress, not the ingress. */
@Injectable()
class TrustProxySetting implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TRUST_PROXY_HOPS) private readonly hops: number,
  ) {}

  onModuleInit(): void {
    const express = this.adapterHost.httpAdapter?.getInstance() as { set?: (name: string, value: unknown) => void } | undefined;
    if (this.hops > 0) express?.set?.('trust proxy', this.hops);
  }
}

@Module({})
export class AuthModule {
  /** Guards run in this order: authenticate (counting failures per address), then rate-limit by principal. */
  static forRoot(options: AuthOptions): DynamicModule {
    const storage: Provider = {
      provide: getStorageToken(),
      useFactory: () => (options.redisUrl ? RedisThrottlerStorage.connect(options.redisUrl, options.redisKeyPrefix) : new ThrottlerStorageService()),
    };
    return {
      module: AuthModule,
      global: true,
      providers: [
        storage,
        { provide: getOptionsToken(), useValue: [{ name: 'per-principal', ttl: 60_000, limit: options.requestsPerMinute }] },
        { provide: TokenVerifier, useValue: new TokenVerifier(options.jwt) },
        { provide: UNAUTHENTICATED_LIMIT_PER_MINUTE, useValue: options.unauthenticatedPerMinute },
        { provide: TRUST_PROXY_HOPS, useValue: options.trustProxyHops ?? 0 },
        TrustProxySetting,
        UnauthenticatedLimiter,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
      ],
      exports: [TokenVerifier, getStorageToken()],
    };
  }
}
