import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { JWT_SECRET, JwtAuthGuard } from './jwt-auth.guard';
import { PrincipalThrottlerGuard } from './principal-throttler.guard';

@Module({})
export class AuthModule {
  /** Guards run in this order: authenticate, then rate-limit by the authenticated principal. */
  static forRoot(options: { secret: string; requestsPerMinute: number }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [ThrottlerModule.forRoot([{ name: 'per-principal', ttl: 60_000, limit: options.requestsPerMinute }])],
      providers: [
        { provide: JWT_SECRET, useValue: options.secret },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
      ],
      exports: [JWT_SECRET],
    };
  }
}
