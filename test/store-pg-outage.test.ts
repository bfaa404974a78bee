// PostgreSQL going away under an open store and coming back: calls fail with a StoreUnavailableError that names the
// server (what the workers wait on), nothing is half-written, and the same store carries on once it is back. The
// outage is a TCP relay in front of the real server, cut and restored on the same port.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDocument, type Document } from '../src/document.js';
import { openStore, StoreUnavailableError, type Store } from '../src/store/store.js';
import { describePostgres, postgresBackend, type Backend } from './backends.js';

class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  /** While set, what clients send is swallowed: their queries stay in flight, unanswered. */
  holding = false;

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
  }
}

function article(id: string): Document {
  return emptyDocument(`Oman and Jordan held talks, report ${id}.`, { id, title: null, outlet: null, published: '2022-01-01', url: null, lang: 'en', origin: id }, 'en');
}

describePostgres('an outage under an open store', (url) => {
  let backend: Backend;
  let relay: Relay;
  let store: Store;

  beforeAll(async () => {
    backend = postgresBackend(url);
    const direct = new URL(backend.fresh('outage'));
    relay = new Relay(direct);
    await relay.open();
    const through = new URL(direct);
    through.hostname = '127.0.0.1';
    through.port = String(relay.port);
    store = await openStore(through.toString());
  });

  afterAll(async () => {
    await store.close();
    await relay.cut();
    await backend.cleanup();
  });

  it('says the server is unreachable while it is gone, and carries on when it is back', async () => {
    expect(await store.saveDocuments([article('before')])).toMatchObject({ stored: 1 });
    await relay.cut();
    const probe = await store.hasArticle('0').catch((err: unknown) => err);
    expect(probe).toBeInstanceOf(StoreUnavailableError);
    expect((probe as Error).message).toContain(`cannot reach PostgreSQL at postgres://`);
    expect((probe as Error).message).toContain(`127.0.0.1:${relay.port}`);
    await expect(store.saveDocuments([article('during')])).rejects.toBeInstanceOf(StoreUnavailableError);
    await relay.open();
    expect(await store.hasArticle('0')).toBe(false);
    expect(await store.saveDocuments([article('during'), article('before')])).toEqual({ stored: 1, duplicates: 1, events: 0 });
    expect((await store.articles()).map((a) => a.doc)).toEqual(['before', 'during']);
  });

  it('says so too when the connection goes in the middle of a read', async () => {
    expect(await store.articles()).not.toHaveLength(0);
    relay.holding = true;
    const read = store.events({ actor: 'OMN' }).catch((err: unknown) => err);
    // The read's query is sent on a pooled connection (no new connect to fail), then the server goes away.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.cut();
    const failure = await read;
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toContain(`127.0.0.1:${relay.port}`);
    await relay.open();
    expect(await store.events({ actor: 'OMN' })).toEqual([]);
  });
});
