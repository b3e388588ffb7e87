import type { Express, NextFunction, Request, Response } from 'express';

/**
 * The usual response headers of an API that serves JSON (and the station console's static
 * files): no framework banner, no MIME sniffing, no referrer, never framed.
 */
export function installSecurityHeaders(app: Express): void {
  app.disable('x-powered-by');
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
}
