import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { CORRELATION_HEADER, currentCorrelationId } from './correlation';
import { REDACT_PATHS } from './redaction';

export interface LoggingOptions {
  app: string;
  level: string;
  /** Tests capture log output here to prove what never reaches it. */
  destination?: DestinationStream;
}

const QUIET_ROUTES = new Set(['/health', '/health/ready', '/metrics']);

@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const http: Options = {
      level: options.level,
      base: { app: options.app },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      // correlationMiddleware has set the header by now (from the caller or fresh).
      genReqId: (req: IncomingMessage) => String(req.headers[CORRELATION_HEADER] ?? ''),
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_ROUTES.has(req.url ?? '') },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url?.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: options.destination ? [http, options.destination] : http })],
      exports: [LoggerModule],
    };
  }
}
