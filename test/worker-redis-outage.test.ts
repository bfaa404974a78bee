// Redis crashing under a running worker, for real: a private redis-server (its own port and directory, append-only
// file synced on every write, as a Redis that must keep its queue is run) is killed -9 while `rasad worker` has jobs
// in hand, then started again on the same port. The worker must ride it out: no crash, no job lost or failed, and
// every article stored exactly once, whole. The store is a SQLite file (the worker takes either kind of store).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus.js';
import { enqueuePaths } from '../src/queue/enqueue.js';
import { openQueue, type CodingJob } from '../src/queue/queue.js';
import { backends, type Backend } from './backends.js';
import { buildCli, RASAD } from './cli-child.js';
import { shapes, storedCount } from './store-shapes.js';

const HAS_REDIS_SERVER = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
const SKIP_MESSAGE = 'redis outage: skipped; needs redis-server on PATH (apt-get install redis-server) to start a private Redis it can kill';

const ARTICLES = 60;
const LOCK_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

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

function redisOutageTests(): void {
  describe('a Redis outage under a running worker', () => {
    const sqlite = backends().find((b): b is Backend => b.name === 'sqlite');
    let dir: string;
    let corpus: string;
    let redis: ChildProcess | null = null;
    let worker: ChildProcess | null = null;

    beforeAll(async () => {
      buildCli();
      dir = mkdtempSync(join(tmpdir(), 'rasad-redis-outage-'));
      corpus = join(dir, 'corpus.jsonl');
      await writeCorpus(corpus, { n: ARTICLES, words: 200, seed: 53 });
    }, 180_000);

    afterAll(async () => {
      if (worker) await kill9(worker);
      if (redis) await kill9(redis);
      await sqlite?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('the worker waits for Redis to come back, then finishes: nothing lost, failed or stored twice', async () => {
      if (!sqlite) throw new Error('no SQLite backend');
      const port = await freePort();
      const redisUrl = `redis://127.0.0.1:${port}`;
      redis = await startRedis(port, dir);
      const queueName = 'rasad-outage';
      let queue: Queue<CodingJob> = await openQueue(redisUrl, queueName);
      expect(await enqueuePaths(queue, [corpus])).toEqual({ read: ARTICLES, sent: ARTICLES, errors: 0 });
      await queue.close();

      const location = sqlite.fresh('redis-outage');
      const child = spawn(process.execPath, [RASAD, 'worker', '--db', location, '--redis', redisUrl, '--queue', queueName, '--until-empty', '--concurrency', '2'], {
        // Locks shorter than the outage: the jobs in hand when Redis went are taken up again when it is back.
        env: { ...process.env, RASAD_WORKER_LOCK_MS: String(LOCK_MS) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker = child;
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

      await waitFor('the worker to be mid-way', async () => (await storedCount(sqlite, location)) >= 10);
      await kill9(redis);
      const atCrash = await storedCount(sqlite, location);
      expect(atCrash).toBeLessThan(ARTICLES);
      // Down long enough for the worker to find it gone (it reconnects about once a second).
      await waitFor('the worker to notice Redis is gone', () => /queue: .*(ECONNREFUSED|Connection is closed)/.test(stderr), 20_000);
      await sleep(LOCK_MS + 500);
      expect(child.exitCode, stderr).toBeNull();

      redis = await startRedis(port, dir);
      expect(await exited, stderr).toBe(0);
      expect(stdout, stderr).toMatch(/failed: 0/);
      expect(stderr).toContain('rasad worker: queue: jobs complete again');

      queue = await openQueue(redisUrl, queueName);
      try {
        expect(await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toEqual({ completed: ARTICLES, failed: 0, waiting: 0, active: 0, delayed: 0 });
      } finally {
        await queue.close();
      }
      const got = await shapes(sqlite, location);
      expect(got.articles).toHaveLength(ARTICLES);
      expect(new Set(got.articles.map((a) => a.hash)).size).toBe(ARTICLES);
      expect(got.orphans).toBe(0);
      // Whole: every event of every article has its merge report and its merged event.
      expect(got.articles.every((a) => a.events > 0 && a.events === a.reports && a.reports === a.merged)).toBe(true);
      console.log(`redis outage: killed with ${atCrash} of ${ARTICLES} articles stored; worker said: ${stdout.trim()}`);
    }, 180_000);
  });
}
