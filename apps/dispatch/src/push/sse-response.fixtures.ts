import { EventEmitter } from 'node:events';
import type { Response } from 'express';

/**
 * An Express response for the SSE streams to write to, keeping what was written. It takes every
 * write at once, or with `backsUp` its socket backs up after every event and drains a tick later.
 */
export function sseResponse({ backsUp = false } = {}) {
  const res = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const written: string[] = [];
  Object.assign(res, {
    writableLength: 0,
    socket: { setNoDelay: () => undefined },
    status: () => res,
    setHeader: () => undefined,
    flushHeaders: () => undefined,
    end: () => setImmediate(() => res.emit('close')),
    destroy: () => res.emit('close'),
    write: (chunk: string) => {
      written.push(chunk);
      if (!backsUp) return true;
      setImmediate(() => res.emit('drain'));
      return false;
    },
  });
  return { res: res as unknown as Response, written };
}
