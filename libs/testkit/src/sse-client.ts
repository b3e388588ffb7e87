// A minimal Server-Sent Events reader over fetch: it sends the bearer token in a header (never
// in the URL) and Last-Event-ID when resuming. Used by the demo and the benchmarks.
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
  receivedAt: number;
}

export class SseStream {
  readonly events: SseEvent[] = [];
  private readonly abort = new AbortController();
  private listeners: ((event: SseEvent) => void)[] = [];
  closed = false;

  private constructor() {}

  static async open(url: string, token: string, lastEventId?: string): Promise<SseStream> {
    const stream = new SseStream();
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(url, { headers, signal: stream.abort.signal });
    if (!response.ok || !response.body) throw new Error(`SSE ${url}: HTTP ${response.status}`);
    void stream.read(response.body);
    return stream;
  }

  /** Also hands the listener what arrived before it was added (reading starts inside open()). */
  onEvent(listener: (event: SseEvent) => void): void {
    this.listeners.push(listener);
    for (const event of this.events) listener(event);
  }

  close(): void {
    this.closed = true;
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted or dropped: the caller reconnects with Last-Event-ID if it wants the rest
    } finally {
      this.closed = true;
    }
  }

  private dispatch(block: string): void {
    const event: SseEvent = { data: '', receivedAt: Date.now() };
    let hasEvent = false;
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) event.id = line.slice(3).trim();
      else if (line.startsWith('event:')) ((event.event = line.slice(6).trim()), (hasEvent = true));
      else if (line.startsWith('data:')) event.data += line.slice(5).trimStart();
    }
    if (!hasEvent) return; // heartbeat comment
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
  }
}
