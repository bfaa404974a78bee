// PostgreSQL going away under an open store and coming back: calls fail with a StoreUnavailableError that names the
// server (what the workers wait on), nothing is half-written, and the same store carries on once it is back. The
// outage is a TCP relay in front of the real server, cut and restored on the same port.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDocument, type Document } from '../src/document.js';
import { openStore, StoreUnavailableError, type Store } from '../src/store/store.js';
import { describePostgres, postgresBackend, type Backend } from './backends.js';
import { Relay } from './tcp-relay.js';

function article(id: string): Document {
  return emptyDocument(`Oman and Jordan held talks, report ${id}.`, { id, title: null, outlet: null, published: '2022-01-01', url: null, lang: 'en', origin: id }, 'en');
}

/** Bulk ingest's deferred indexes: SQLite only, a PostgreSQL store has neither method. */
type SqliteOnly = 'deferQueryIndexes' | 'restoreQueryIndexes';

/**
 * One call of every Store method but close(): typed as a complete record, so a method added to Store cannot be
 * left out of the outage test.
 */
const EVERY_CALL: Record<Exclude<keyof Store, 'close' | SqliteOnly>, (s: Store) => Promise<unknown>> = {
  saveDocuments: (s) => s.saveDocuments([article('while-down')]),
  hasArticle: (s) => s.hasArticle('0'),
  events: (s) => s.events({ actor: 'OMN' }),
  dyad: (s) => s.dyad('OMN', 'JOR'),
  dyadSummary: (s) => s.dyadSummary(),
  articles: (s) => s.articles(),
  mergedEvents: (s) => s.mergedEvents(),
  mergedEvent: (s) => s.mergedEvent(1),
  mergedIdOfReport: (s) => s.mergedIdOfReport(1),
  dyadHistory: (s) => s.dyadHistory('OMN', 'JOR'),
  dyadHistoryPage: (s) => s.dyadHistoryPage('OMN', 'JOR', { by: 'month', limit: 10, offset: 0 }),
  actorProfile: (s) => s.actorProfile('OMN'),
  relations: (s) => s.relations(),
  framing: (s) => s.framing(),
  outletFraming: (s) => s.outletFraming(),
  remerge: (s) => s.remerge(),
  reportPage: (s) => s.reportPage({ limit: 10, offset: 0 }),
  reportCount: (s) => s.reportCount({}),
  reportsByIds: (s) => s.reportsByIds([1]),
  reportPeriods: (s) => s.reportPeriods('OMN', 'JOR', 'year'),
  reportEdges: (s) => s.reportEdges({}, 10),
  eventMonths: (s) => s.eventMonths(),
  articleCount: (s) => s.articleCount(),
  articlePage: (s) => s.articlePage({ limit: 10, offset: 0 }),
  article: (s) => s.article('0'),
  deleteArticle: (s) => s.deleteArticle('0'),
  actorStats: (s) => s.actorStats('OMN'),
  partners: (s) => s.partners('OMN', 5),
  actorNameForms: (s) => s.actorNameForms(),
  actorEventCounts: (s) => s.actorEventCounts(),
  dataVersion: (s) => s.dataVersion(),
  reportScan: (s) => s.reportScan({ limit: 10 }),
};

/** Calls in flight at once in the mid-query test: fewer than the pool's connections (pg's default, 10). */
const IN_FLIGHT = 8;

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

  /** null when `call` failed as an outage should (a StoreUnavailableError naming the relay), else what it did. */
  async function misfire(name: string, call: (s: Store) => Promise<unknown>): Promise<string | null> {
    return call(store).then(
      () => `${name}: answered`,
      (err: unknown) => (err instanceof StoreUnavailableError && err.message.includes(`127.0.0.1:${relay.port}`) ? null : `${name}: ${String(err)}`),
    );
  }

  it('every call of the store, read or write, says the server is unreachable while its port is closed', async () => {
    await store.saveDocuments([article('all-calls')]);
    await relay.cut();
    try {
      const misfires = await Promise.all(Object.entries(EVERY_CALL).map(([name, call]) => misfire(name, call)));
      expect(misfires.filter((m) => m !== null)).toEqual([]);
    } finally {
      await relay.open();
    }
    expect(await store.articleCount()).toBeGreaterThan(0);
  });

  it('every call says so too when the connection goes in the middle of its query', async () => {
    const calls = Object.entries(EVERY_CALL);
    const misfires: (string | null)[] = [];
    // A few calls at a time, each on a connection already in the pool (no new connect to fail), so that what fails
    // is a query in flight: the server swallows it, then goes away.
    for (let i = 0; i < calls.length; i += IN_FLIGHT) {
      await Promise.all(Array.from({ length: IN_FLIGHT }, () => store.articleCount()));
      relay.holding = true;
      const outcomes = Promise.all(calls.slice(i, i + IN_FLIGHT).map(([name, call]) => misfire(name, call)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await relay.cut();
      misfires.push(...(await outcomes));
      await relay.open();
    }
    expect(misfires.filter((m) => m !== null)).toEqual([]);
    expect(await store.events({ actor: 'OMN' })).toEqual([]);
  });
});
