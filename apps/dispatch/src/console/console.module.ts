import { APP_CONFIG } from '@laowu/platform';
import { Inject, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { NextFunction, Request, Response, static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DispatchConfig } from '../dispatch.config';
import { consoleContentSecurityPolicy, consoleUrls, ConsoleUrls, parseConsoleOrigins } from './console-policy';

/**
 * Browser builds the console loads from node_modules (no copy in the repo, no build step), served
 * at /console/vendor/<name> with the console's policy: Apache ECharts for the bureau dashboard's
 * charts, ExcelJS for reading and writing .xlsx ledgers in the browser.
 */
export const CONSOLE_VENDOR_FILES: Readonly<Record<string, () => string>> = {
  'echarts.min.js': () => require.resolve('echarts/dist/echarts.min.js'),
  'exceljs.min.js': () => require.resolve('exceljs/dist/exceljs.min.js'),
};

/** The vendor file's path on disk, or undefined when unknown or its package is not installed. */
function vendorPath(name: string): string | undefined {
  if (!Object.hasOwn(CONSOLE_VENDOR_FILES, name)) return undefined;
  try {
    return CONSOLE_VENDOR_FILES[name]();
  } catch {
    return undefined;
  }
}

/**
 * Serves the station console (a static front end in the repo's `console/` folder) at /console/.
 * The files are public; every API call the page makes carries the signed-in user's token, so each
 * response carries a Content-Security-Policy that lets the page talk to its own origin and the
 * four apps only, and /console/config.json tells the page those apps' base URLs. The vendor
 * scripts (CONSOLE_VENDOR_FILES) come from node_modules at /console/vendor/.
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
    const vendor = /^\/console\/vendor\/([a-z0-9.-]+)$/.exec(new URL(req.originalUrl, 'http://console.invalid').pathname);
    const file = vendor && (req.method === 'GET' || req.method === 'HEAD') ? vendorPath(vendor[1]) : undefined;
    if (file) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.sendFile(file, { maxAge: '1h' }, (error) => error && next(error));
      return;
    }
    next();
  }
}
