// The HTTP API over each storage backend (a SQLite file; PostgreSQL when RASAD_PG_URL is set): the server opens one
// Store at the location it is given, reads through it, and stores and deletes through it.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { buildServer } from '../src/server/app.js';
import type { ServerContext } from '../src/server/context.js';
import { closeServerContext, openServerContext } from '../src/server/open.js';
import type { DyadHistoryBody, EventPage, GraphBody } from '../src/server/schemas.js';
import { openStore } from '../src/store/store.js';
import { describeBackends } from './backends.js';

const TOKEN = 'backend-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const ARTICLE = { text: 'Qatar praised Oman on Monday for hosting the talks.', outlet: 'Backend Wire', published: '2022-05-02', lang: 'en' as const };

describeBackends('the API over the store', (backend) => {
  let ctx: ServerContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    const location = backend.fresh('api');
    const store = await openStore(location);
    try {
      await ingestPaths(store, [join(import.meta.dirname, '..', 'demo')]);
    } finally {
      await store.close();
    }
    ctx = await openServerContext(location, { token: TOKEN, readsOpen: true });
    app = await buildServer(ctx, { webRoot: null });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (ctx) await closeServerContext(ctx);
  });

  it('reads events, a merged history and the graph', async () => {
    const events = (await app.inject('/api/events?actor=IRN&limit=5')).json<EventPage>();
    expect(events.total).toBeGreaterThan(5);
    expect(events.items).toHaveLength(5);
    const history = (await app.inject('/api/dyads/IRN/SAU/history')).json<DyadHistoryBody>();
    expect(history.total.events).toBeGreaterThan(0);
    expect(history.periods.reduce((n, p) => n + p.events, 0)).toBe(history.total.events);
    const graph = (await app.inject('/api/graph?view=merged')).json<GraphBody>();
    expect(graph.nodes.some((n) => n.id === 'IRN')).toBe(true);
  });

  it('stores an article with the token, sees it at once, and deletes it', async () => {
    const count = async (): Promise<number> => (await app.inject(`/api/events?outlet=${encodeURIComponent('Backend Wire')}`)).json<EventPage>().total;
    const before = (await app.inject('/api/graph')).json<GraphBody>();
    const stored = await app.inject({ method: 'POST', url: '/api/articles', payload: ARTICLE, headers: AUTH });
    expect(stored.statusCode).toBe(201);
    const { hash } = stored.json<{ hash: string }>();
    expect(await count()).toBeGreaterThan(0);
    // The cached graph is computed again after the write.
    const after = (await app.inject('/api/graph')).json<GraphBody>();
    const omanQatar = (g: GraphBody): number => g.edges.find((e) => e.a === 'OMN' && e.b === 'QAT')?.events ?? 0;
    expect(omanQatar(after)).toBe(omanQatar(before) + (await app.inject('/api/events?dyad=OMN,QAT&outlet=Backend%20Wire')).json<EventPage>().total);
    expect(omanQatar(after)).toBeGreaterThan(omanQatar(before));
    expect((await app.inject({ method: 'DELETE', url: `/api/articles/${hash}`, headers: AUTH })).statusCode).toBe(200);
    expect(await count()).toBe(0);
    expect((await app.inject({ method: 'DELETE', url: `/api/articles/${hash}`, headers: AUTH })).statusCode).toBe(404);
  });
});
