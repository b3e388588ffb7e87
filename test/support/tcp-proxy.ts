import { type AddressInfo, createServer, type Server, type Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of a real dependency, so a test can take the dependency "down" for one
 * app (refuse and cut connections) without stopping the server other tests use.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly pairs = new Set<[Socket, Socket]>();
  private holding = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  static forUrl(url: string): TcpProxy {
    const parsed = new URL(url);
    return new TcpProxy({ host: parsed.hostname, port: Number(parsed.port) });
  }

  async open(): Promise<this> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      if (!this.holding) client.pipe(upstream).pipe(client);
      client.on('close', () => (this.pairs.delete(pair), upstream.destroy()));
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /**
   * Stops passing bytes either way, on open connections and new ones, without closing anything:
   * to the app, the dependency has stopped answering (every call hangs until `release`).
   */
  hold(): void {
    this.holding = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** Passes bytes again; what was held goes through. */
  release(): void {
    this.holding = false;
    for (const [client, upstream] of this.pairs) client.pipe(upstream).pipe(client);
  }

  /** Cuts every connection and stops listening: to the app, the dependency is down. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /** Rewrites a URL to point at the proxy. */
  url(original: string): string {
    const parsed = new URL(original);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString().replace(/\/$/, '');
  }
}
