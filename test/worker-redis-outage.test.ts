// Redis crashing under a running worker, for real: a private redis-server (its own port and directory, append-only
// file synced on every write, as a Redis that must keep its queue is run) is killed -9 while `rasad worker` has jobs
// in hand, then started again on the same port. The worker must ride it out: no crash, no job lost or failed, and
// every article stored exactly once, whole. The store is a SQLite file (the worker takes either kind of store).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus.js';
import { enqueuePaths } from '../src/queue/enqueue.js';
import { openQueue } from '../src/queue/queue.js';
import { backends, type Backend } from './backends.js';
import { buildCli, RASAD } from './cli-child.js';
import { sleep, waitFor } from './wait.js';
import { shapes, storedCount } from './store-shapes.js';

const HAS_REDIS_SERVER = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
const SKIP_MESSAGE = 'redis outage: skipped; needs redis-server on PATH (apt-get install redis-server) to start a private Redis it can kill';

const ARTICLES = 60;
const LOCK_MS = 1500;
const QUEUE = 'rasad-outage';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** A redis-server of the test's own, in the foreground: resolves once it accepts connections. */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir, '--daemonize', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  await waitFor(`redis-server on port ${port} (${log.trim().split('\n').pop() ?? ''})`, () => /Ready to accept connections/.test(log) || child.exitCode !== null, 20_000);
  if (child.exitCode !== null) throw new Error(`redis-server on port ${port} did not start:\n${log}`);
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

if (HAS_REDIS_SERVER) redisOutageTests();
else it.skip(SKIP_MESSAGE, () => undefined);

interface WorkerChild {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function redisOutageTests(): void {
  describe('a Redis outage under a running worker', () => {
    const sqlite = backends().find((b): b is Backend => b.name === 'sqlite');
    let dir: string;
    let corpus: string;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      buildCli();
      dir = mkdtempSync(join(tmpdir(), 'rasad-redis-outage-'));
      corpus = join(dir, 'corpus.jsonl');
      await writeCorpus(corpus, { n: ARTICLES, words: 200, seed: 53 });
    }, 180_000);

    afterAll(async () => {
      for (const child of children) await kill9(child);
      await sqlite?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    /** A private Redis (port and append-only file of its own) holding the corpus as one queue's jobs. */
    async function redisWithJobs(label: string): Promise<{ url: string; start(): Promise<void>; kill(): Promise<void> }> {
      const port = await freePort();
      const data = join(dir, label);
      mkdirSync(data);
      let server: ChildProcess | null = null;
      const start = async (): Promise<void> => {
        server = await startRedis(port, data);
        children.push(server);
      };
      await start();
      const url = `redis://127.0.0.1:${port}`;
      const queue = await openQueue(url, QUEUE);
      try {
        expect(await enqueuePaths(queue, [corpus])).toEqual({ read: ARTICLES, sent: ARTICLES, errors: 0 });
      } finally {
        await queue.close();
      }
      return { url, start, kill: async () => void (server && (await kill9(server))) };
    }

    function startWorkerChild(location: string, redisUrl: string, ...more: string[]): WorkerChild {
      const child = spawn(process.execPath, [RASAD, 'worker', '--db', location, '--redis', redisUrl, '--queue', QUEUE, '--concurrency', '2', ...more], {
        // Locks shorter than the outage: the jobs in hand when Redis went are taken up again when it is back.
        env: { ...process.env, RASAD_WORKER_LOCK_MS: String(LOCK_MS) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
    }

    /** Redis killed -9 once the worker is mid-way; resolves with the articles stored by then, once the worker noticed. */
    async function crashRedisMidRun(redis: { kill(): Promise<void> }, worker: WorkerChild, location: string, backend: Backend): Promise<number> {
      await waitFor('the worker to be mid-way', async () => (await storedCount(backend, location)) >= 10);
      await redis.kill();
      const atCrash = await storedCount(backend, location);
      expect(atCrash).toBeLessThan(ARTICLES);
      // It reconnects about once a second, so it finds Redis gone at once.
      await waitFor('the worker to notice Redis is gone', () => /queue: .*(ECONNREFUSED|ECONNRESET|EPIPE|Connection is closed)/.test(worker.stderr()), 20_000);
      return atCrash;
    }

    /** The queue and the store once it is all over: every job completed, every article stored once and whole. */
    async function expectAllStoredOnce(redisUrl: string, backend: Backend, location: string): Promise<void> {
      const queue = await openQueue(redisUrl, QUEUE);
      try {
        expect(await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toEqual({ completed: ARTICLES, failed: 0, waiting: 0, active: 0, delayed: 0 });
      } finally {
        await queue.close();
      }
      const got = await shapes(backend, location);
      expect(got.articles).toHaveLength(ARTICLES);
      expect(new Set(got.articles.map((a) => a.hash)).size).toBe(ARTICLES);
      expect(got.orphans).toBe(0);
      // Whole: every event of every article has its merge report and its merged event.
      expect(got.articles.every((a) => a.events > 0 && a.events === a.reports && a.reports === a.merged)).toBe(true);
    }

    it('the worker waits for Redis to come back, then finishes: nothing lost, failed or stored twice', async () => {
      if (!sqlite) throw new Error('no SQLite backend');
      const redis = await redisWithJobs('ride-out');
      const location = sqlite.fresh('ride-out');
      const worker = startWorkerChild(location, redis.url, '--until-empty');
      const atCrash = await crashRedisMidRun(redis, worker, location, sqlite);
      await sleep(LOCK_MS + 500); // down for longer than the locks of the jobs in hand
      expect(worker.process.exitCode, worker.stderr()).toBeNull();

      await redis.start();
      expect(await worker.exited, worker.stderr()).toBe(0);
      expect(worker.stdout(), worker.stderr()).toMatch(/failed: 0/);
      expect(worker.stderr()).toContain('rasad worker: queue: jobs complete again');
      await expectAllStoredOnce(redis.url, sqlite, location);
      console.log(`redis outage: killed with ${atCrash} of ${ARTICLES} articles stored; worker said: ${worker.stdout().trim()}`);
    }, 180_000);

    it('SIGTERM while Redis is down stops the worker at once; another finishes the jobs when Redis is back', async () => {
      if (!sqlite) throw new Error('no SQLite backend');
      const redis = await redisWithJobs('stopped');
      const location = sqlite.fresh('stopped');
      const first = startWorkerChild(location, redis.url);
      await crashRedisMidRun(redis, first, location, sqlite);
      first.process.kill('SIGTERM');
      // A graceful close would wait for Redis to mark the jobs in hand done, for ever.
      const code = await Promise.race([first.exited, sleep(15_000).then(() => 'still running 15 s after SIGTERM')]);
      expect(code, first.stderr()).toBe(0);
      expect(first.stderr()).toContain('rasad worker: queue: Redis is unreachable, so the jobs in hand are left to other workers');

      await redis.start();
      const second = startWorkerChild(location, redis.url, '--until-empty');
      expect(await second.exited, second.stderr()).toBe(0);
      expect(second.stdout(), second.stderr()).toMatch(/failed: 0/);
      await expectAllStoredOnce(redis.url, sqlite, location);
    }, 180_000);
  });
}
