// `rasad ingest --jobs N` codes on worker threads while the main thread stores: the store must come out exactly as
// when everything runs on one thread, duplicates and all.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus.js';
import { openStore } from '../src/store/store.js';
import { buildCli, RASAD } from './cli-child.js';
import { shapes } from './store-shapes.js';

let dir: string;
let corpus: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'rasad-pool-'));
  corpus = join(dir, 'corpus.jsonl');
  await writeCorpus(corpus, { n: 40, words: 120, seed: 7 });
  // The third article again under another id: stored once.
  const third = JSON.parse(readFileSync(corpus, 'utf8').split('\n')[2] ?? '{}') as Record<string, unknown>;
  appendFileSync(corpus, `${JSON.stringify({ ...third, id: 'again' })}\n`);
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function ingest(db: string, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  return spawnSync(process.execPath, [RASAD, 'ingest', corpus, '--db', db, '--batch', '7', ...args], { cwd: dir, encoding: 'utf8' });
}

async function mergedOf(db: string): Promise<string> {
  const store = await openStore(db, { mustExist: true });
  try {
    // Same order of storing, same ids: the records must match to the last field.
    return JSON.stringify(await store.mergedEvents());
  } finally {
    await store.close();
  }
}

describe('ingest with coding threads', () => {
  it('stores what one thread stores, in the same order', async () => {
    const one = join(dir, 'one.db');
    const pool = join(dir, 'pool.db');
    const a = ingest(one, '--jobs', '0');
    const b = ingest(pool, '--jobs', '2');
    expect(a.stderr).toBe('');
    expect(b.stderr).toBe('');
    expect(a.stdout).toMatch(/articles read: 41, stored: 40, duplicates: 1, events: [1-9]\d*, errors: 0/);
    expect(b.stdout).toBe(a.stdout);
    const backend = { name: 'sqlite' as const, fresh: () => '', cleanup: async () => undefined };
    expect(await shapes(backend, pool)).toEqual(await shapes(backend, one));
    expect(await mergedOf(pool)).toBe(await mergedOf(one));
    const store = await openStore(pool, { mustExist: true });
    try {
      expect((await store.articles()).map((x) => x.doc)).toEqual(Array.from({ length: 40 }, (_, i) => `bench-${String(i).padStart(6, '0')}`));
    } finally {
      await store.close();
    }
  }, 120_000);

  it('refuses a thread count that is not a whole number (a bad option value: exit 1)', () => {
    const r = ingest(join(dir, 'x.db'), '--jobs', 'two');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--jobs.*whole number of threads/);
  });
});
