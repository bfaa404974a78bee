// Kill -9 during a bulk ingest on SQLite (`rasad ingest --bulk`: the query-only indexes are dropped while it runs,
// src/store/sqlite-indexes.ts). Whenever it dies, every index is present or recorded as deferred; the next open of
// the store builds the recorded ones, and a rerun ends with the articles, rows, merged events and indexes of an
// ingest that was never interrupted.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus.js';
import { openStore } from '../src/store/store.js';
import type { Backend } from './backends.js';
import { buildCli, RASAD } from './cli-child.js';
import { shapes, storedCount } from './store-shapes.js';

const ARTICLES = 300;
const BATCH = 50;
let dir: string;
let corpus: string;
const sqlite: Backend = { name: 'sqlite', fresh: (label) => join(dir, `${label}.db`), cleanup: () => Promise.resolve() };

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'rasad-durability-bulk-'));
  corpus = join(dir, 'corpus.jsonl');
  await writeCorpus(corpus, { n: ARTICLES, words: 200, seed: 43 });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ingestArgs(location: string, mode: '--bulk' | '--no-bulk'): string[] {
  return [RASAD, 'ingest', corpus, '--db', location, '--batch', String(BATCH), mode];
}

function ingestToEnd(location: string, mode: '--bulk' | '--no-bulk'): string {
  const r = spawnSync(process.execPath, ingestArgs(location, mode), { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

interface Indexes {
  present: Map<string, string | null>;
  deferred: Map<string, string>;
}

function indexesOf(path: string): Indexes {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const present = db.prepare(`select name, sql from sqlite_master where type = 'index'`).all() as Array<{ name: string; sql: string | null }>;
    const deferred = db.prepare(`select name, create_sql from rasad_deferred_indexes`).all() as Array<{ name: string; create_sql: string }>;
    return { present: new Map(present.map((i) => [i.name, i.sql])), deferred: new Map(deferred.map((d) => [d.name, d.create_sql])) };
  } finally {
    db.close();
  }
}

/** Start a bulk ingest, SIGKILL it once at least `after` articles are stored (plus a random moment). */
async function bulkIngestAndKill(location: string, after: number): Promise<number> {
  const child = spawn(process.execPath, ingestArgs(location, '--bulk'), { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && (await storedCount(sqlite, location)) < after) await new Promise((r) => setTimeout(r, 30));
  await new Promise((r) => setTimeout(r, Math.random() * 400));
  child.kill('SIGKILL');
  expect(await exited, 'the ingest finished before it could be killed: make the corpus bigger').toBe('SIGKILL');
  return storedCount(sqlite, location);
}

describe('sqlite: kill -9 during a bulk ingest', () => {
  it('leaves every index present or recorded; the next open builds them; a rerun ends as an uninterrupted ingest', async () => {
    const reference = sqlite.fresh('reference');
    expect(ingestToEnd(reference, '--no-bulk')).toMatch(new RegExp(`articles read: ${ARTICLES}, stored: ${ARTICLES}, duplicates: 0`));
    const expected = await shapes(sqlite, reference);
    const expectedIndexes = indexesOf(reference);
    expect(expectedIndexes.deferred.size).toBe(0);

    const killed = sqlite.fresh('killed');
    const first = await bulkIngestAndKill(killed, 1);
    const afterKill = indexesOf(killed);
    expect(afterKill.deferred.size).toBeGreaterThan(10);
    for (const [name, sql] of expectedIndexes.present) {
      if (afterKill.present.has(name)) expect(afterKill.present.get(name)).toBe(sql);
      else expect(afterKill.deferred.get(name)).toBe(sql);
    }
    // The killed process is gone: opening the store builds what it had deferred.
    await (await openStore(killed)).close();
    expect(indexesOf(killed)).toEqual(expectedIndexes);

    const second = await bulkIngestAndKill(killed, first + 2 * BATCH);
    expect(second).toBeLessThan(ARTICLES);
    const rerun = ingestToEnd(killed, '--bulk');
    expect(rerun).toMatch(new RegExp(`articles read: ${ARTICLES}, stored: ${ARTICLES - second}, duplicates: ${second}, events: \\d+, errors: 0`));
    expect(indexesOf(killed)).toEqual(expectedIndexes);

    const got = await shapes(sqlite, killed);
    expect(got.orphans).toBe(0);
    expect(got.articles).toEqual(expected.articles);
    expect({ mergedEvents: got.mergedEvents, mergedReports: got.mergedReports }).toEqual({ mergedEvents: expected.mergedEvents, mergedReports: expected.mergedReports });
  }, 240_000);
});
