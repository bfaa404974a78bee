// Windowed merging in the store (src/store/merge-candidates.ts): a batch reads only the reports it could link with,
// yet every store ends with the events a rebuild from whole blocks gives: after many small batches of generated
// news, after deletions, and in a database that was filled before the windows existed (migration 0005).
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { generateArticle } from '../src/bench/corpus.js';
import type { Article, Document } from '../src/document.js';
import { createPipeline } from '../src/pipeline.js';
import { parsePostgresUrl } from '../src/store/postgres.js';
import { contentHash, openStore } from '../src/store/store.js';
import { describeBackends, mergeSignature, type Backend } from './backends.js';

/** Statements run straight on a backend's database, outside the store. */
async function runSql(backend: Backend, location: string, statements: string[]): Promise<number[]> {
  const counts: number[] = [];
  if (backend.name === 'sqlite') {
    const db = new BetterSqlite3(location);
    try {
      for (const s of statements) counts.push(s.startsWith('select') ? Number(Object.values(db.prepare(s).get() as object)[0]) : (db.exec(s), 0));
    } finally {
      db.close();
    }
    return counts;
  }
  const { connectionString, schema } = parsePostgresUrl(location);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`set search_path to "${schema ?? 'public'}"`);
    for (const s of statements) {
      const result = await client.query<Record<string, unknown>>(s);
      counts.push(s.startsWith('select') ? Number(Object.values(result.rows[0] ?? {})[0]) : 0);
    }
  } finally {
    await client.end();
  }
  return counts;
}

/**
 * Back to the schema before 0005, data kept: what a database filled by an older Rasad looks like (0008, 0007 and 0006
 * undone first: the migrator runs migrations only in order).
 */
const UNDO_0005 = [
  'drop index merged_source_cameo_pair',
  'drop index merged_target_cameo_pair',
  'create index merged_source_cameo on merged_events (source_cameo, target_cameo)',
  'create index merged_target_cameo on merged_events (target_cameo, source_cameo)',
  "delete from rasad_migrations where name = '0008_merged_cameo_pair_indexes'",
  'drop table rasad_deferred_indexes',
  "delete from rasad_migrations where name = '0007_deferred_indexes'",
  'create index events_first on events (date_first)',
  'create index events_source on events (source_id, target_id)',
  'create index events_root on events (root)',
  'create index merge_reports_block on merge_reports (block)',
  'create index merged_block on merged_events (block)',
  "delete from rasad_migrations where name = '0006_drop_redundant_indexes'",
  'drop index merge_reports_window',
  'drop index merge_reports_component',
  'drop table merge_cues',
  ...['window_kind', 'window_first', 'window_last', 'component'].map((c) => `alter table merge_reports drop column ${c}`),
  "delete from rasad_migrations where name = '0005_merge_windows'",
];

/**
 * News of one pair of states, dense enough that blocks hold chains of linked reports: stated days, months and years,
 * reports dated only by their article, numbers and topics shared across articles (sentences written for this test).
 */
function pairNews(i: number): Article {
  const leads = [
    'Jordanian Foreign Minister Ayman Safadi met Egyptian Foreign Minister Sameh Shoukry in Cairo',
    'Jordan and Egypt held talks in Amman',
    'Egypt hosted the Jordanian prime minister',
    'The Egyptian president received the Jordanian foreign minister',
  ];
  const dates = ['on 14 June 2022', 'in June 2022', 'in 2022', '', 'yesterday', 'last month', 'on 2 March 2021', 'on 16 June 2022'];
  const topics = ['gas supplies', 'water sharing', 'border trade', 'refugees', 'electricity links'];
  const pick = <T>(list: T[], k: number): T => list[k % list.length] as T;
  const text = `${pick(leads, i)} ${pick(dates, i * 3 + 1)} to discuss ${pick(topics, i)}. The two sides signed ${2 + (i % 4)} agreements on ${pick(topics, i + 2)}.`;
  const published = `${2021 + (i % 2)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
  return { text: text.replace('  ', ' '), meta: { id: `pair-${i}`, title: null, outlet: pick(['Nile Wire', 'Amman Post', 'Gulf Ledger'], i), published, url: null, lang: 'en', origin: `pair-${i}` } };
}

describeBackends('windowed merging', (backend) => {
  let docs: Document[];

  beforeAll(() => {
    const pipeline = createPipeline();
    const generated = Array.from({ length: 60 }, (_, i): Article => {
      const a = generateArticle(i, { n: 60, words: 150, seed: 11 });
      return { text: a.text, meta: { id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: null, lang: a.lang, origin: a.id } };
    });
    // Interleaved, so that every batch brings both kinds.
    docs = generated.flatMap((a, i) => [a, pairNews(i)]).map((a) => pipeline.run(a));
  });

  async function ingest(location: string, list: Document[], batch: number): Promise<void> {
    const store = await openStore(location);
    try {
      for (let i = 0; i < list.length; i += batch) await store.saveDocuments(list.slice(i, i + batch));
    } finally {
      await store.close();
    }
  }

  /** The store's events, then the events of a rebuild from whole blocks. */
  async function incrementalAndRebuilt(location: string): Promise<[string[], string[]]> {
    const store = await openStore(location);
    try {
      const incremental = await mergeSignature(store);
      await store.remerge();
      return [incremental, await mergeSignature(store)];
    } finally {
      await store.close();
    }
  }

  it('ends with the events of a rebuild, after small batches, in an upgraded database and after deletions', async () => {
    const reference = backend.fresh('reference');
    await ingest(reference, docs, 10);
    const [whole, rebuilt] = await incrementalAndRebuilt(reference);
    expect(whole).toEqual(rebuilt);
    // Generated news merges a good deal: the comparison is not between two empty lists.
    expect(whole.filter((event) => event.includes(' ')).length).toBeGreaterThan(20);

    const upgraded = backend.fresh('upgraded');
    await ingest(upgraded, docs.slice(0, 60), 6);
    await runSql(backend, upgraded, UNDO_0005);
    await ingest(upgraded, [], 1); // opening it runs 0005 (and 0006) again over the stored reports
    const [cues, unnamed] = await runSql(backend, upgraded, ['select count(*) from merge_cues', 'select count(*) from merge_reports where component is null']);
    expect(cues).toBeGreaterThan(100);
    expect(unnamed).toBe(0);
    await ingest(upgraded, docs.slice(60), 6);
    expect((await incrementalAndRebuilt(upgraded))[0]).toEqual(whole);

    const store = await openStore(reference);
    try {
      for (const doc of docs.filter((_, i) => i % 9 === 4)) expect(await store.deleteArticle(contentHash(doc.text))).toBe(true);
    } finally {
      await store.close();
    }
    const [afterDeletes, rebuiltAfterDeletes] = await incrementalAndRebuilt(reference);
    expect(afterDeletes).toEqual(rebuiltAfterDeletes);
    expect(afterDeletes).not.toEqual(whole);
  }, 300_000);
});
