// GET answers are kept serialised until the data changes: a repeat asks nothing of the store, a write is seen at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { buildServer } from '../src/server/app.js';
import { createContext, type ServerContext } from '../src/server/context.js';
import { closeServerContext, openServerContext } from '../src/server/open.js';
import type { EventPage } from '../src/server/schemas.js';
import type { Store } from '../src/store/store.js';

const TOKEN = 'cache-test-token';
const ARTICLE = 'title: Cache test\noutlet: Test Wire\npublished: 2020-02-03\nlang: en\n\nOman condemned Israel on Monday.\n';

let dir: string;
let ctx: ServerContext;
let app: FastifyInstance;
let pageQueries = 0;

/** The store, counting the event-page queries that reach it. */
function counting(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (key === 'reportPage') pageQueries++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rasad-response-cache-'));
  const db = join(dir, 'test.db');
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  const opened = await openServerContext(db, { token: TOKEN, readsOpen: true });
  await ingestPaths(opened.store, [join(dir, 'a.txt')], {}, opened.pipeline);
  ctx = createContext({ ...opened, store: counting(opened.store) });
  app = await buildServer(ctx, { webRoot: null });
}, 60_000);

afterAll(async () => {
  await app.close();
  await closeServerContext(ctx);
  rmSync(dir, { recursive: true, force: true });
});

describe('the response cache', () => {
  it('answers a repeated GET from the cache with the same bytes and headers', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/events?limit=5' });
    const before = pageQueries;
    const second = await app.inject({ method: 'GET', url: '/api/events?limit=5' });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(pageQueries).toBe(before);
    // Another URL is another answer.
    await app.inject({ method: 'GET', url: '/api/events?limit=4' });
    expect(pageQueries).toBe(before + 1);
  });

  it('computes the answer again once a write changes the data', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/events?limit=5' })).json<EventPage>();
    const posted = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { text: 'Qatar praised Kuwait on Tuesday.', title: 'Second', outlet: 'Test Wire', published: '2021-04-06', lang: 'en' },
    });
    expect(posted.statusCode).toBeLessThan(300);
    const after = (await app.inject({ method: 'GET', url: '/api/events?limit=5' })).json<EventPage>();
    expect(after.total).toBeGreaterThan(before.total);
  });

  it('keeps no failed answer: a bad query is refused every time', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/events?limit=-3' });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toMatch(/limit/);
    }
  });
});
