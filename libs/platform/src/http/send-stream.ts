import { applyDecorators, Logger } from '@nestjs/common';
import { ApiProduces, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const logger = new Logger('CsvExport');

/**
 * Streams text chunks to the response with backpressure (the database cursor is read only as
 * fast as the client takes the bytes). If the client goes away, the source is closed and its
 * connection released; if the source fails midway, the response is cut off (headers are gone
 * by then, so no error body can follow) and the truncation is logged. A client that keeps the
 * socket open but reads nothing for `stallTimeoutMs` is disconnected, which ends the source too.
 */
/** Documents a route that answers JSON pages or, with `format=csv`, the whole list through sendCsv. */
export function ApiJsonOrCsv(): MethodDecorator {
  return applyDecorators(
    ApiProduces('application/json', 'text/csv'),
    ApiServiceUnavailableResponse({
      description:
        'CSV: every export connection is busy (EXPORT_POOL_SIZE exports run at once per instance); retry later. ' +
        'A CSV client that reads nothing for EXPORT_STALL_TIMEOUT_MS (30 s) is disconnected mid-file.',
    }),
  );
}

export async function sendCsv(res: Response, filename: string, chunks: AsyncIterable<string>, stallTimeoutMs: number): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  const stopGuard = disconnectWhenStalled(res, stallTimeoutMs, filename);
  try {
    await pipeline(Readable.from(chunks, { objectMode: false }), res);
  } catch (error) {
    if (!res.destroyed) res.destroy();
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') logger.warn(`export ${filename} cut off: ${(error as Error).message}`);
  } finally {
    stopGuard();
  }
}

/** Destroys the response once its socket has refused more bytes (no 'drain') for `stallTimeoutMs`. */
function disconnectWhenStalled(res: Response, stallTimeoutMs: number, filename: string): () => void {
  let blockedSince: number | undefined;
  const onDrain = () => (blockedSince = undefined);
  res.on('drain', onDrain);
  const timer = setInterval(() => {
    if (!res.writableNeedDrain) {
      blockedSince = undefined;
      return;
    }
    blockedSince ??= Date.now();
    if (Date.now() - blockedSince >= stallTimeoutMs) {
      logger.warn(`export ${filename}: the client read nothing for ${stallTimeoutMs} ms; disconnected`);
      res.destroy();
    }
  }, Math.max(10, Math.min(1000, stallTimeoutMs / 4)));
  timer.unref();
  return () => {
    clearInterval(timer);
    res.off('drain', onDrain);
  };
}
