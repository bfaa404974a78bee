// Distributed ingest: `rasad enqueue` -> Redis (BullMQ) -> several `rasad worker` processes -> one store. The job
// logic and the outage watch run everywhere; the queue tests need RASAD_REDIS_URL (and RASAD_PG_URL for PostgreSQL).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus.js';
import { limitsFrom } from '../src/cli/options.js';
import { loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';
import { Outage } from '../src/queue/outage.js';
import { openQueue, type CodingJob } from '../src/queue/queue.js';
import { GroupSaver } from '../src/queue/group-save.js';
import { codeJob } from '../src/queue/worker.js';
import { openStore, type SaveResult } from '../src/store/store.js';
import type { Document } from '../src/document.js';
import { describeBackends, PG_URL, type Backend } from './backends.js';
import { buildCli, RASAD } from './cli-child.js';
import { sleep, waitFor } from './wait.js';
import { Relay } from './tcp-relay.js';
import { shapes, storedCount, type StoreShape } from './store-shapes.js';

const REDIS_URL = process.env.RASAD_REDIS_URL;
const REDIS_SKIP_MESSAGE = 'queue: skipped; set RASAD_REDIS_URL=redis://127.0.0.1:6379 to run the worker tests (and RASAD_PG_URL=postgres://... for PostgreSQL)';


const article = (text: string): CodingJob['article'] => ({
  text,
  meta: { id: 'j1', title: null, outlet: null, published: '2021-05-01', url: null, lang: 'en', origin: 'job.jsonl:1' },
});

describe('one job', () => {
  const pipeline = createPipeline(loadResources());
  const limits = limitsFrom({}, {});

  it('applied twice stores once, also when both copies are stored in one group', async () => {
    const store = await openStore(':memory:');
    const saved: SaveResult[] = [];
    const saver = new GroupSaver(store, 4, (r) => saved.push(r));
    try {
      const job = { article: article('Iran and Qatar signed an agreement in Doha on Monday.') };
      const first = await codeJob(store, pipeline, limits, job);
      const twin = await codeJob(store, pipeline, limits, job); // another worker, before the first one stored it
      expect(first?.events.length).toBeGreaterThan(0);
      await Promise.all([saver.save(first as Document), saver.save(twin as Document)]);
      expect(saved.reduce((n, r) => n + r.stored, 0)).toBe(1);
      expect(saved.reduce((n, r) => n + r.duplicates, 0)).toBe(1);
      expect(await codeJob(store, pipeline, limits, job)).toBeNull(); // the job again, later: not even coded
      expect(await store.articles()).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('a document the store refuses fails alone; the rest of its group is stored', async () => {
    const store = await openStore(':memory:');
    const saved: SaveResult[] = [];
    const saver = new GroupSaver(store, 8, (r) => saved.push(r));
    try {
      const docs = await Promise.all(
        ['Iran and Qatar signed an agreement.', 'Oman hosted talks with Qatar.', 'Qatar praised Iran.'].map((t) => codeJob(store, pipeline, limits, { article: article(t) })),
      );
      const [good1, bad, good2] = docs;
      if (!good1 || !bad || !good2) throw new Error('a test article was not coded');
      const spoilt = { ...bad, events: bad.events.map((e) => ({ ...e, quad: 9 as 1 })) } as Document; // quad 9 breaks a CHECK
      expect(bad.events.length).toBeGreaterThan(0);
      const outcomes = await Promise.allSettled([saver.save(good1), saver.save(spoilt), saver.save(good2)]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await store.articles()).toHaveLength(2);
      expect(saved.reduce((n, r) => n + r.stored, 0)).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('over the size limit or the time budget fails for good, with the reason', async () => {
    const store = await openStore(':memory:');
    try {
      const big = { article: article(`Iran and Qatar signed an agreement. ${'Talks went on. '.repeat(100)}`) };
      await expect(codeJob(store, pipeline, limitsFrom({ maxArticleSize: 1024 }, {}), big)).rejects.toMatchObject({
        name: 'UnrecoverableError',
        message: expect.stringMatching(/article is 1.\d kB, over the 1 kB limit/),
      });
      const slow = createPipeline(loadResources(), { budgetMs: 1 });
      const long = { article: article('Iran and Qatar signed an agreement in Doha. '.repeat(3000)) };
      await expect(codeJob(store, slow, limits, long)).rejects.toMatchObject({ name: 'UnrecoverableError', message: expect.stringMatching(/could not be coded: over the time budget of 1 ms/) });
    } finally {
      await store.close();
    }
  });
});

describe('database outage', () => {
  it('pauses once, probes with growing waits, resumes when the database answers', async () => {
    const calls: string[] = [];
    let failures = 2;
    const outage = new Outage({
      pause: () => void calls.push('pause'),
      resume: () => void calls.push('resume'),
      probe: async () => {
        calls.push('probe');
        if (failures-- > 0) throw new Error('connect ECONNREFUSED');
      },
      log: (line) => calls.push(line),
      firstWaitMs: 10,
      longestWaitMs: 25,
    });
    outage.begin(new Error('cannot reach PostgreSQL at postgres://db'));
    outage.begin(new Error('cannot reach PostgreSQL at postgres://db')); // a second job hitting the same outage
    expect(outage.ongoing).toBe(true);
    await waitFor('the outage to end', () => !outage.ongoing, 5000);
    await outage.stop();
    expect(calls).toEqual([
      'cannot reach PostgreSQL at postgres://db; jobs wait in the queue, trying again in 0.01 s',
      'pause',
      'probe',
      'still no answer (connect ECONNREFUSED); trying again in 0.02 s',
      'probe',
      'still no answer (connect ECONNREFUSED); trying again in 0.025 s',
      'probe',
      'the database answers again; taking jobs',
      'resume',
    ]);
    expect(outage.retryDelayMs).toBe(10);
  });
});

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function rasadChild(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, [RASAD, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, stdout: () => out, stderr: () => err, exited };
}

const ARTICLES = 48;

// Without Redis, one skipped test says how to run these.
if (REDIS_URL) queueTests(REDIS_URL);
else it.skip(REDIS_SKIP_MESSAGE, () => undefined);

function queueTests(redisUrl: string): void {
  describe('queue and workers', () => {
    const queues: Queue<CodingJob>[] = [];
    let dir: string;
    let corpus: string;

    beforeAll(async () => {
      buildCli();
      dir = mkdtempSync(join(tmpdir(), 'rasad-worker-'));
      corpus = join(dir, 'corpus.jsonl');
      await writeCorpus(corpus, { n: ARTICLES, words: 200, seed: 77 });
    }, 180_000);

    afterAll(async () => {
      for (const q of queues) {
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
      rmSync(dir, { recursive: true, force: true });
    });

    /** A queue of its own for each test, with the corpus in it (through the real `rasad enqueue`). */
    async function filledQueue(label: string): Promise<{ name: string; queue: Queue<CodingJob> }> {
      const name = `rasad-test-${process.pid}-${label}-${Math.random().toString(36).slice(2, 8)}`;
      const queue = await openQueue(redisUrl, name);
      queues.push(queue);
      const sent = spawnSync(process.execPath, [RASAD, 'enqueue', corpus, '--redis', redisUrl, '--queue', name], { encoding: 'utf8' });
      expect(sent.stdout).toBe(`articles read: ${ARTICLES}, jobs sent: ${ARTICLES}, errors: 0\n`);
      return { name, queue };
    }

    const workerArgs = (location: string, queue: string, ...more: string[]) => ['worker', '--db', location, '--redis', redisUrl, '--queue', queue, ...more];

    it('enqueues each article once, however often it is sent', async () => {
      const { name, queue } = await filledQueue('dedupe');
      const again = spawnSync(process.execPath, [RASAD, 'enqueue', corpus, corpus, '--redis', redisUrl, '--queue', name], { encoding: 'utf8' });
      expect(again.stdout).toMatch(new RegExp(`articles read: ${ARTICLES * 2}, jobs sent: ${ARTICLES * 2}, errors: 0`));
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: ARTICLES });
    });

    it('an unreachable Redis is one clear error', () => {
      const r = spawnSync(process.execPath, [RASAD, 'enqueue', corpus, '--redis', 'redis://127.0.0.1:1'], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe('rasad: cannot reach Redis at redis://127.0.0.1:1 (waited 5 s)');
    });

    describeBackends('workers', (backend: Backend) => {
      let expected: StoreShape;

      beforeAll(async () => {
        const reference = backend.fresh('single');
        const r = spawnSync(process.execPath, [RASAD, 'ingest', corpus, '--db', reference], { encoding: 'utf8' });
        expect(r.stdout).toMatch(new RegExp(`stored: ${ARTICLES}, duplicates: 0`));
        expected = await shapes(backend, reference);
      }, 120_000);

      it('several workers at once give the same articles and merged events as a single ingest', async () => {
        const { name, queue } = await filledQueue('many');
        const location = backend.fresh('many');
        const workers = [0, 1, 2].map(() => rasadChild(workerArgs(location, name, '--concurrency', '2', '--until-empty')));
        const codes = await Promise.all(workers.map((w) => w.exited));
        expect(codes, workers.map((w) => w.stderr()).join('\n')).toEqual([0, 0, 0]);
        const done = workers.map((w) => /jobs done: (\d+), stored: (\d+), duplicates: (\d+), events: \d+, failed: 0/.exec(w.stdout()));
        expect(done.every((m) => m !== null)).toBe(true);
        // Between them they did every job, and the store took each article once.
        expect(done.reduce((n, m) => n + Number(m?.[1]), 0)).toBe(ARTICLES);
        expect(done.reduce((n, m) => n + Number(m?.[2]), 0)).toBe(ARTICLES);
        expect(done.filter((m) => Number(m?.[1]) > 0).length, 'every worker should have taken part').toBe(3);
        expect(await shapes(backend, location)).toEqual(expected);
        expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: ARTICLES, failed: 0 });

        // The same corpus queued again: the jobs are known, and a worker finds nothing new to store.
        const again = spawnSync(process.execPath, [RASAD, 'enqueue', corpus, '--redis', redisUrl, '--queue', name], { encoding: 'utf8' });
        expect(again.status).toBe(0);
        const late = rasadChild(workerArgs(location, name, '--until-empty'));
        expect(await late.exited).toBe(0);
        expect(late.stdout()).toMatch(/stored: 0/);
        expect(await shapes(backend, location)).toEqual(expected);
      }, 180_000);

      it('a worker killed -9 mid-job: another takes its job over and every article is stored once', async () => {
        const { name, queue } = await filledQueue('killed');
        const location = backend.fresh('killed');
        // A short lock, so the survivor notices the dead worker's job within seconds.
        const env = { RASAD_WORKER_LOCK_MS: '1500' };
        const doomed = rasadChild(workerArgs(location, name, '--concurrency', '1'), env);
        let inHand: string[] = [];
        await waitFor('the first worker to be mid-way', async () => {
          if ((await storedCount(backend, location)) < 10) return false;
          inHand = (await queue.getActive()).map((j) => j.id ?? '');
          return inHand.length > 0;
        });
        doomed.process.kill('SIGKILL');
        await doomed.exited;
        expect(doomed.process.signalCode).toBe('SIGKILL');
        const stored = await storedCount(backend, location);
        expect(stored).toBeLessThan(ARTICLES);

        const survivor = rasadChild(workerArgs(location, name, '--until-empty'), env);
        expect(await survivor.exited, survivor.stderr()).toBe(0);
        expect(survivor.stdout()).toMatch(new RegExp(`stored: ${ARTICLES - stored}, duplicates: \\d, events: \\d+, failed: 0`));
        for (const id of inHand) expect(await queue.getJobState(id)).toBe('completed');
        expect(await shapes(backend, location)).toEqual(expected);
      }, 180_000);

      it.skipIf(backend.name !== 'postgres')('database unreachable: a clear error, jobs wait, and all resume when it is back', async () => {
        const { name, queue } = await filledQueue('outage');
        const direct = backend.fresh('outage');
        const proxy = new Relay(new URL(PG_URL ?? ''));
        await proxy.open();
        const viaProxy = new URL(direct);
        viaProxy.host = `127.0.0.1:${proxy.port}`;
        try {
          await proxy.cut();
          const worker = rasadChild(workerArgs(viaProxy.toString(), name, '--until-empty'));
          await waitFor('the worker to report the database unreachable', () => /cannot reach PostgreSQL at .*; trying again in 1 s \(jobs wait in the queue\)/.test(worker.stderr()));
          expect(await queue.getJobCounts('waiting')).toEqual({ waiting: ARTICLES });

          await proxy.open();
          await waitFor('some articles stored', async () => (await storedCount(backend, direct)) >= 20);
          await proxy.cut(); // mid-run: connections cut, new ones refused
          await waitFor('the worker to pause', () => /jobs wait in the queue, trying again in 1 s/.test(worker.stderr()));
          const during = await storedCount(backend, direct);
          await sleep(1500);
          expect(await storedCount(backend, direct)).toBe(during);

          await proxy.open();
          expect(await worker.exited, worker.stderr()).toBe(0);
          expect(worker.stderr()).toContain('the database answers again; taking jobs');
          expect(worker.stdout()).toMatch(/failed: 0/);
          expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: ARTICLES, failed: 0 });
          expect(await shapes(backend, direct)).toEqual(expected);
        } finally {
          await proxy.cut();
        }
      }, 180_000);
    });
  });
}
