import { sseResponse } from './sse-response.fixtures';
import { SseStream, type StoredDelivery } from './sse-stream';

/** Resolves when `last` is written; rejects after `ms` saying how far the stream got. */
function writtenUpTo(last: string, ms: number) {
  let written: (delivery: StoredDelivery) => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    let reached = 'none';
    timer = setTimeout(() => reject(new Error(`delivery ${last} not written within ${ms} ms (last written: ${reached})`)), ms);
    written = (delivery) => {
      reached = delivery.id;
      if (delivery.id === last) resolve();
    };
  }).finally(() => clearTimeout(timer));
  return { written, done };
}

describe('SseStream', () => {
  it('keeps no listener per backed-up write: a long stream does not pile them up', async () => {
    const { res, written } = sseResponse({ backsUp: true });
    const deliveries: StoredDelivery[] = Array.from({ length: 200 }, (_, i) => ({ id: String(i + 1), payload: { n: i } }));
    const progress = writtenUpTo('200', 10_000);
    const stream = new SseStream(
      res,
      '0',
      {
        readAfter: async (after, limit) => deliveries.filter((d) => Number(d.id) > Number(after)).slice(0, limit),
        written: progress.written,
        onEnd: () => undefined,
      },
      { heartbeatMs: 60_000, pageSize: 50, stallTimeoutMs: 5_000, maxBufferedBytes: 1 << 20 },
    );
    stream.start();
    try {
      await progress.done;
      expect(written.filter((w) => w.startsWith('id:'))).toHaveLength(200);
      // The stream's own end listener, and the wait for the last write's drain: not one per write.
      expect(res.listenerCount('close')).toBeLessThanOrEqual(2);
    } finally {
      stream.close();
    }
  });
});
