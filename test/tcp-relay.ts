// A TCP relay in front of a real server (PostgreSQL in the outage tests), to take it away and bring it back on the
// same port: cut() closes every connection and the port (new connections are refused), open() listens again.
import { createServer, connect, type Server, type Socket } from 'node:net';

export class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  /** While set, what clients send is swallowed: their queries stay in flight, unanswered. */
  holding = false;

  /** `target` is where the relay connects (its host and port; 5432 when the URL has none). */
  constructor(private readonly target: URL) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => [client, upstream].forEach((x) => x.destroy()));
      }
      client.on('data', (chunk: Buffer) => {
        if (!this.holding) upstream.write(chunk);
      });
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address !== null ? address.port : 0;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.holding = false;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    // Let the clients' ends of the cut sockets close too, so the pool drops its idle connections before a test goes on.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
