import { APP_CONFIG } from '@laowu/platform';
import { Inject, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { NextFunction, Request, Response, static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DispatchConfig } from '../dispatch.config';
import { consoleContentSecurityPolicy, consoleUrls, ConsoleUrls, parseConsoleOrigins } from './console-policy';

/**
 * Serves the station console (a static front end in the repo's `console/` folder) at /console/.
 * The files are public; every API call the page makes carries the signed-in user's token, so each
 * response carries a Content-Security-Policy that lets the page talk to its own origin and the
 * four apps only, and /console/config.json tells the page those apps' base URLs.
 */
@Module({})
export class ConsoleModule implements NestModule {
  static readonly directory = resolve(process.env.CONSOLE_DIR ?? resolve(process.cwd(), 'console'));

  private readonly configured: Partial<ConsoleUrls>;

  constructor(@Inject(APP_CONFIG) config: DispatchConfig) {
    this.configured = config.CONSOLE_API_ORIGINS ? parseConsoleOrigins(config.CONSOLE_API_ORIGINS).origins : {};
  }

  configure(consumer: MiddlewareConsumer): void {
    if (!existsSync(ConsoleModule.directory)) return;
    consumer
      .apply(
        (req: Request, res: Response, next: NextFunction) => this.policy(req, res, next),
        serveStatic(ConsoleModule.directory, { index: 'index.html', redirect: true, maxAge: '1m' }),
      )
      .forRoutes('console');
  }

  private policy(req: Request, res: Response, next: NextFunction): void {
    const urls = consoleUrls(this.configured, { protocol: req.protocol, hostname: req.hostname ?? '', host: req.get('host') ?? '' });
    res.setHeader('Content-Security-Policy', consoleContentSecurityPolicy(urls));
    if (req.method === 'GET' && new URL(req.originalUrl, 'http://console.invalid').pathname === '/console/config.json') {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ apps: urls });
      return;
    }
    next();
  }
}
