import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Serves the station console (a static front end in the repo's `console/` folder) at /console/.
 * The files are public; every API call the page makes carries the signed-in user's token.
 */
@Module({})
export class ConsoleModule implements NestModule {
  static readonly directory = resolve(process.env.CONSOLE_DIR ?? resolve(process.cwd(), 'console'));

  configure(consumer: MiddlewareConsumer): void {
    if (!existsSync(ConsoleModule.directory)) return;
    consumer.apply(serveStatic(ConsoleModule.directory, { index: 'index.html', redirect: true, maxAge: '1m' })).forRoutes('console');
  }
}
