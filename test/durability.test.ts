// Kill -9 during ingest, for real: `node bin/rasad.js ingest` as a child process is SIGKILLed while it writes,
// then run again. Every article must be stored exactly once and none half-written: each article has the same
// mentions, events, merge rows and framing as in an ingest that was never interrupted, and the merged events agree.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus.js';
import { describeBackends, type Backend } from './backends.js';
import { buildCli, RASAD } from './cli-child.js';
import { shapes, storedCount } from './store-shapes.js';

// Six batches of 50: enough for both kills to land between commits with batches stored before and after them.
const ARTICLES = 300;
const BATCH = 50;
let dir: string;
let corpus: string;

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'rasad-durability-'));
  corpus = join(dir, 'corpus.jsonl');
  await writeCorpus(corpus, { n: ARTICLES, words: 200, seed: 41 });
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function ingestArgs(location: string): string[] {
  return [RASAD, 'ingest', corpus, '--db', location, '--batch', String(BATCH)];
}

/** Start an ingest, SIGKILL it once at least `after` articles are stored (plus a random moment), wait for it to die. */
async function ingestAndKill(backend: Backend, location: string, after: number): Promise<number> {
  const child = spawn(process.execPath, ingestArgs(location), { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && (await storedCount(backend, location)) < after) await new Promise((r) => setTimeout(r, 30));
  // A random extra moment, so the kill lands anywhere in the cycle: coding, inserting, merging, committing.
  await new Promise((r) => setTimeout(r, Math.random() * 400));
  child.kill('SIGKILL');
  const { signal } = await exited;
  expect(signal, 'the ingest finished before it could be killed: make the corpus bigger').toBe('SIGKILL');
  return storedCount(backend, location);
}

function ingestToEnd(location: string): string {
  const r = spawnSync(process.execPath, ingestArgs(location), { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describeBackends('kill -9 during ingest', (backend) => {
  it('a rerun after SIGKILLs stores every article exactly once and nothing half-written', async () => {
    const reference = backend.fresh('reference');
    expect(ingestToEnd(reference)).toMatch(new RegExp(`articles read: ${ARTICLES}, stored: ${ARTICLES}, duplicates: 0`));
    const expected = await shapes(backend, reference);
    expect(expected.articles).toHaveLength(ARTICLES);
    expect(expected.articles.every((a) => a.events === a.reports && a.reports === a.merged)).toBe(true);

    const killed = backend.fresh('killed');
    const first = await ingestAndKill(backend, killed, 1);
    const second = await ingestAndKill(backend, killed, first + 2 * BATCH);
    console.log(`${backend.name}: killed with ${first} and then ${second} of ${ARTICLES} articles stored`);
    expect(second).toBeGreaterThanOrEqual(first);
    expect(second).toBeLessThan(ARTICLES);
    const rerun = ingestToEnd(killed);
    expect(rerun).toMatch(new RegExp(`articles read: ${ARTICLES}, stored: ${ARTICLES - second}, duplicates: ${second}, events: \\d+, errors: 0`));

    const got = await shapes(backend, killed);
    expect(got.articles.length).toBe(ARTICLES);
    expect(new Set(got.articles.map((a) => a.hash)).size).toBe(ARTICLES);
    expect(got.orphans).toBe(0);
    expect(got.articles).toEqual(expected.articles);
    expect({ mergedEvents: got.mergedEvents, mergedReports: got.mergedReports }).toEqual({ mergedEvents: expected.mergedEvents, mergedReports: expected.mergedReports });
  }, 240_000);
});
