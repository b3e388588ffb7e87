import { type DynamicModule, Logger as NestLogger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type CustomStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type BaseConfig } from './config/base.config';
import { ConfigError, loadConfig } from './config/load-config';
import { HttpErrorFilter } from './errors/http-error.filter';
import { createValidationPipe } from './errors/validation';
import { documentServiceUnavailable, installAdmission } from './http/admission';
import { installClientErrorHandler } from './http/client-errors';
import { correlationMiddleware } from './http/correlation.middleware';
import { installJsonBody } from './http/json-body';
import { installSecurityHeaders } from './http/security-headers';
import { HttpMetricsInterceptor } from './metrics/http-metrics.interceptor';

export interface AppDescription {
  name: string;
  title: string;
  description: string;
}

/** Everything an app needs around its module: body limits, errors, validation, docs. */
export function configureApp(app: NestExpressApplication, config: BaseConfig, about: AppDescription): void {
  app.useLogger(app.get(Logger));
  // Bearer tokens travel in a header, never in cookies, so any origin may call (the console).
  app.enableCors({ origin: config.CORS_ORIGINS === '*' ? true : config.CORS_ORIGINS.split(','), exposedHeaders: ['x-correlation-id'] });
  installSecurityHeaders(app.getHttpAdapter().getInstance());
  // Before anything reads the body or does work for the request: a refusal costs next to nothing.
  installAdmission(app.getHttpAdapter().getInstance(), { app: about.name, maxInFlight: config.MAX_IN_FLIGHT, retryAfterSeconds: config.OVERLOAD_RETRY_AFTER_S });
  app.use(correlationMiddleware);
  installJsonBody(app.getHttpAdapter().getInstance(), config.BODY_LIMIT_BYTES);
  installClientErrorHandler(app.getHttpServer());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter({ app: about.name }));
  app.useGlobalInterceptors(new HttpMetricsInterceptor());
  app.enableShutdownHooks();
  const document = documentServiceUnavailable(
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(about.title).setDescription(about.description).setVersion('1').addBearerAuth().build()),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}

export async function createApp(module: Type<unknown> | DynamicModule, config: BaseConfig, about: AppDescription): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  configureApp(app, config, about);
  return app;
}

/** Reads and validates the config; a bad one exits at once with a message naming the variable. */
export function loadConfigOrExit<T extends BaseConfig>(configClass: new () => T, appName: string): T {
  try {
    return loadConfig(configClass);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`[${appName}] ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/**
 * Starts an app: HTTP first, then its Kafka consumers (if any), so that /health answers while
 * the consumers join their group.
 */
export async function startApp(
  module: Type<unknown> | DynamicModule,
  config: BaseConfig,
  about: AppDescription,
  consumers: CustomStrategy[] = [],
): Promise<NestExpressApplication> {
  const app = await createApp(module, config, about);
  for (const consumer of consumers) app.connectMicroservice(consumer, { inheritAppConfig: true });
  await app.listen(config.PORT, config.HOST);
  await app.startAllMicroservices();
  new NestLogger(about.name).log(`${about.name} listening on ${config.HOST}:${config.PORT}`);
  return app;
}
