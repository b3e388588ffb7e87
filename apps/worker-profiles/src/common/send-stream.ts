import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const logger = new Logger('CsvExport');

/**
 * Streams text chunks to the response with backpressure (the database cursor is read only as
 * fast as the client takes the bytes). If the client goes away, the source is closed and its
 * connection released; if the source fails midway, the response is cut off (headers are gone
 * by then, so no error body can follow) and the truncation is logged.
 */
export async function sendCsv(res: Response, filename: string, chunks: AsyncIterable<string>): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(Readable.from(chunks, { objectMode: false }), res);
  } catch (error) {
    if (!res.destroyed) res.destroy();
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') logger.warn(`export ${filename} cut off: ${(error as Error).message}`);
  }
}
