import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, finalize } from 'rxjs';
import { httpRequestDuration } from './metrics.registry';

/** Times every HTTP request by its route template (never the raw URL, which may hold ids). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const stop = httpRequestDuration.startTimer({ method: request.method });
    return next.handle().pipe(
      finalize(() => {
        const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
        stop({ route, status: String(http.getResponse<Response>().statusCode) });
      }),
    );
  }
}
