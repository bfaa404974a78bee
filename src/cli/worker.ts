// `rasad worker`: code article jobs from the Redis queue into the store until stopped (Ctrl-C, SIGTERM) or, with
// --until-empty, until the queue is empty. Start as many as the machines have cores, all on one PostgreSQL.
import type { Command } from 'commander';
import { loadResources } from '../lexicon/index.js';
import { createPipeline } from '../pipeline.js';
import { FIRST_WAIT_MS, LONGEST_WAIT_MS } from '../queue/outage.js';
import { queueNameFrom, redisLabel, redisUrlFrom } from '../queue/queue.js';
import { startWorker, type WorkerStats } from '../queue/worker.js';
import { openStore, StoreUnavailableError, type Store } from '../store/store.js';
import { dbOption } from './db-option.js';
import { addLimitOptions, limitsFrom, parseCountOption, type LimitFlags } from './options.js';

interface WorkerFlags extends LimitFlags {
  db: string;
  redis?: string;
  queue?: string;
  concurrency: number;
  untilEmpty?: boolean;
}

const log = (line: string): void => console.error(`rasad worker: ${line}`);

/** An unreachable database at start is waited for, like one lost later; any other store error ends the worker. */
async function openStoreWhenUp(location: string): Promise<Store> {
  for (let waitMs = FIRST_WAIT_MS; ; waitMs = Math.min(waitMs * 2, LONGEST_WAIT_MS)) {
    try {
      return await openStore(location);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      log(`${err.message}; trying again in ${waitMs / 1000} s (jobs wait in the queue)`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

export function formatWorkerStats(s: WorkerStats): string {
  return `jobs done: ${s.jobs}, stored: ${s.stored}, duplicates: ${s.duplicates}, events: ${s.events}, failed: ${s.failed}\n`;
}

/** RASAD_WORKER_LOCK_MS: how soon another worker takes over the jobs of one that died (tests use a second or two). */
function lockFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.RASAD_WORKER_LOCK_MS;
  if (raw === undefined || raw === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100) throw new Error(`RASAD_WORKER_LOCK_MS: '${raw}' is not a whole number of milliseconds, 100 or more`);
  return ms;
}

export function register(command: Command): void {
  command
    .addOption(dbOption('PostgreSQL when several machines share the work'))
    .option('--redis <url>', 'Redis server (default RASAD_REDIS_URL, else redis://127.0.0.1:6379)')
    .option('--queue <name>', 'queue name (default RASAD_QUEUE, else rasad-code)')
    .option('--concurrency <n>', 'jobs in hand at once: one is coded while the others are stored, together in one transaction', parseCountOption, 4)
    .option('--until-empty', 'stop once the queue has no waiting, delayed or active jobs');
  addLimitOptions(command).action(async (opts: WorkerFlags) => {
    const limits = limitsFrom(opts);
    const redisUrl = redisUrlFrom(opts.redis);
    const queue = queueNameFrom(opts.queue);
    const lockDurationMs = lockFromEnv();
    const store = await openStoreWhenUp(opts.db);
    const pipeline = createPipeline(loadResources(), { budgetMs: limits.docBudgetMs });
    try {
      const worker = await startWorker({
        store, redisUrl, queue, pipeline, limits, concurrency: opts.concurrency, untilEmpty: opts.untilEmpty === true, log,
        ...(lockDurationMs !== undefined && { lockDurationMs }),
      });
      log(`taking jobs from queue ${queue} on ${redisLabel(redisUrl)}, concurrency ${opts.concurrency}`);
      const stop = (): void => void worker.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await worker.done;
      process.stdout.write(formatWorkerStats(worker.stats));
    } finally {
      await store.close();
    }
  });
}
