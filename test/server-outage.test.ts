// The API while its database cannot be reached (PostgreSQL away: every store call fails with StoreUnavailableError,
// test/store-pg-outage.test.ts): 503 with Retry-After and a message saying so, never the server's address, and
// normal answers again once it is back. The store here is SQLite behind a switch that makes every call fail that way.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';
import { loadActorDirectory } from '../src/server/actor-directory.js';
import { buildServer } from '../src/server/app.js';
import { createContext } from '../src/server/context.js';
import { openStore, StoreUnavailableError, type Store } from '../src/store/store.js';

const LABEL = 'postgres://rasad@db.internal:5432/rasad';

/** `store` with a switch: while down, every call but close() fails as an unreachable PostgreSQL does. */
function switchable(store: Store): { store: Store; down: boolean } {
  const state = { store, down: false };
  state.store = new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || name === 'close') return value;
      return (...args: unknown[]) => {
        if (state.down) return Promise.reject(new StoreUnavailableError(`cannot reach PostgreSQL at ${LABEL}: connect ECONNREFUSED`));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return state;
}

let app: FastifyInstance;
let backing: Store;
let state: { store: Store; down: boolean };

beforeAll(async () => {
  backing = await openStore(':memory:');
  state = switchable(backing);
  const resources = loadResources();
  const ctx = createContext({ store: state.store, pipeline: createPipeline(resources), cameo: resources.cameo, directory: loadActorDirectory(), access: { token: null, readsOpen: true } });
  app = await buildServer(ctx, { webRoot: null });
}, 60_000);

afterAll(async () => {
  await app.close();
  await backing.close();
});

it('answers 503 with Retry-After while the database is unreachable, naming no server, and 200 once it is back', async () => {
  state.down = true;
  for (const url of ['/api/events', '/api/articles', '/api/dyads', '/api/actors?q=Iran', '/api/graph']) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(503);
    expect(res.headers['retry-after'], url).toBe('5');
    expect(res.json(), url).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'the database cannot be reached right now; try again shortly' });
    expect(res.body).not.toContain('db.internal');
  }
  state.down = false;
  const back = await app.inject({ method: 'GET', url: '/api/events' });
  expect(back.statusCode).toBe(200);
});

it('documents the 503 and its Retry-After on every route that reads or writes the database, and only there', async () => {
  type Operation = { responses: Record<string, { headers?: Record<string, unknown> }> };
  const doc = (await app.inject('/openapi.json')).json<{ paths: Record<string, Record<string, Operation>> }>();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method} ${path}`, op })));
  expect(operations.length).toBeGreaterThan(15);
  const storeless = new Set(['post /api/code', 'get /api/reference']);
  for (const { route, op } of operations) {
    const unavailable = op.responses['503'];
    if (storeless.has(route)) expect(unavailable, route).toBeUndefined();
    else expect(Object.keys(unavailable?.headers ?? {}), route).toEqual(['Retry-After']);
  }
});

it('still codes and gives the reference tables while the database is unreachable', async () => {
  state.down = true;
  try {
    expect((await app.inject('/api/reference')).statusCode).toBe(200);
    const coded = await app.inject({ method: 'POST', url: '/api/code', payload: { text: 'Qatar praised Oman on Monday.', lang: 'en' } });
    expect(coded.statusCode).toBe(200);
  } finally {
    state.down = false;
  }
});
