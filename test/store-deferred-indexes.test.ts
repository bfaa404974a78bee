// Bulk ingest's deferred indexes on SQLite (src/store/sqlite-indexes.ts): dropped and recorded together, queries
// answering the same without them, built again by the store that deferred them, and by the next open once the
// process that deferred them is gone, never while it still runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/bench/corpus.js';
import type { Document } from '../src/document.js';
import { loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';
import { openStore, type Store } from '../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-deferred-'));
let docs: Document[];

beforeAll(() => {
  const pipeline = createPipeline(loadResources());
  docs = [...generateCorpus({ n: 60, words: 120, seed: 7 })].map((a) =>
    pipeline.run({ meta: { id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: null, lang: a.lang, origin: a.id }, text: a.text }),
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Schema {
  indexes: Array<{ name: string; sql: string | null }>;
  deferred: Array<{ name: string; owner: number }>;
}

function schemaOf(path: string): Schema {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return {
      indexes: db.prepare(`select name, sql from sqlite_master where type = 'index' order by name`).all() as Schema['indexes'],
      deferred: db.prepare(`select name, owner from rasad_deferred_indexes order by name`).all() as Schema['deferred'],
    };
  } finally {
    db.close();
  }
}

/** What a few queries that lean on the query-only indexes answer. */
async function answers(store: Store): Promise<unknown> {
  const [top] = await store.dyadSummary(1);
  if (!top) throw new Error('the corpus gave no dyads');
  return {
    top,
    events: await store.events({ actor: top.a, limit: 1000 }),
    history: await store.dyadHistory(top.a, top.b),
    periods: await store.reportPeriods(top.a, top.b, 'month'),
    merged: await store.mergedEvents({ actor: top.b }),
    framing: await store.framing({ actor: top.a }),
    page: await store.reportPage({ limit: 50, offset: 0 }),
  };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function storeWith(path: string, count = docs.length): Promise<Store> {
  const store = await openStore(path);
  for (let i = 0; i < count; i += 20) await store.saveDocuments(docs.slice(i, Math.min(i + 20, count)));
  return store;
}

describe('deferred query indexes (SQLite bulk ingest)', () => {
  it('drops only query indexes, records them, answers the same without them, and builds them back as they were', async () => {
    const reference = await storeWith(join(dir, 'reference.db'));
    const expected = await answers(reference);
    await reference.close();
    const path = join(dir, 'cycle.db');
    const store = await storeWith(path, 40);
    try {
      const before = schemaOf(path);
      const dropped = await store.deferQueryIndexes?.();
      // The rest of the articles go in while the indexes are away, as in a bulk ingest.
      await store.saveDocuments(docs.slice(40));
      const during = schemaOf(path);
      expect(dropped).toBeGreaterThan(10);
      expect(during.deferred).toHaveLength(dropped ?? 0);
      expect(during.deferred.every((d) => d.owner === process.pid)).toBe(true);
      // Every index is present or recorded; merging's own and the unique constraints stay.
      const present = new Set(during.indexes.map((i) => i.name));
      for (const { name } of before.indexes) expect(present.has(name) !== during.deferred.some((d) => d.name === name)).toBe(true);
      for (const kept of ['merge_reports_window', 'merge_reports_component', 'merge_reports_merged', 'sqlite_autoindex_articles_1']) expect(present.has(kept)).toBe(true);
      for (const gone of ['events_dyad_first', 'merged_source', 'mentions_actor', 'framing_actor']) expect(present.has(gone)).toBe(false);
      expect(await answers(store)).toEqual(expected);
      expect(await store.restoreQueryIndexes?.()).toBe(dropped);
      expect(schemaOf(path)).toEqual(before);
      expect(await answers(store)).toEqual(expected);
    } finally {
      await store.close();
    }
  });

  it('a store opened while the deferring process runs leaves the indexes to it; after it is gone, builds them at open', async () => {
    const path = join(dir, 'orphaned.db');
    const store = await storeWith(path);
    const before = schemaOf(path);
    const expected = await answers(store);
    const dropped = (await store.deferQueryIndexes?.()) ?? 0;
    await store.close();
    // This process deferred them and still runs (as an ingest would in another process): opening leaves them alone.
    const reader = await openStore(path);
    expect(schemaOf(path).deferred).toHaveLength(dropped);
    expect(await answers(reader)).toEqual(expected);
    await reader.close();
    // Now as if a killed process had deferred them.
    const db = new BetterSqlite3(path);
    db.prepare('update rasad_deferred_indexes set owner = ?').run(deadPid());
    db.close();
    const next = await openStore(path);
    try {
      expect(schemaOf(path)).toEqual(before);
      expect(await answers(next)).toEqual(expected);
    } finally {
      await next.close();
    }
  });
});
