// A coding worker: takes article jobs from the queue, codes them and stores them. Many workers on many machines can
// share one PostgreSQL: the store keys articles by content hash and serialises merges (src/store/postgres.ts), so a job
// applied twice (a worker that died with it in hand, a stalled lock) stores once.
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { z } from 'zod';
import { tooBig, type Limits } from '../io/limits.js';
import type { Document } from '../document.js';
import type { Pipeline } from '../pipeline.js';
import { contentHash, StoreUnavailableError, type Store } from '../store/store.js';
import { GroupSaver } from './group-save.js';
import { Outage } from './outage.js';
import { connectionFor, CodingJobSchema, JOB_OPTIONS, whenReady, type CodingJob } from './queue.js';

export interface JobOutcome {
  /** The article was in the store already, so it was not coded again. */
  alreadyStored: boolean;
}

export interface WorkerStats {
  /** Jobs done (stored, or found already stored). */
  jobs: number;
  /** Articles newly stored, and events stored with them. */
  stored: number;
  events: number;
  /** Jobs whose article was stored already (before coding, or by another worker at the same moment). */
  duplicates: number;
  /** Jobs given up on after their last attempt. */
  failed: number;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * One job's coding: null when the article is stored already (it is not coded again), else its document. Coding is
 * deterministic, so a document that cannot be coded (over its time budget, over the size limit) fails for good
 * instead of being retried.
 */
export async function codeJob(store: Store, pipeline: Pipeline, limits: Limits, job: CodingJob): Promise<Document | null> {
  const { article } = job;
  if (await store.hasArticle(contentHash(article.text))) return null;
  const bytes = Buffer.byteLength(article.text, 'utf8');
  if (bytes > limits.maxArticleBytes) throw new UnrecoverableError(tooBig(bytes, limits.maxArticleBytes));
  try {
    return pipeline.run(article);
  } catch (err) {
    throw new UnrecoverableError(`could not be coded: ${message(err)}`);
  }
}

export interface WorkerSettings {
  store: Store;
  redisUrl: string;
  queue: string;
  pipeline: Pipeline;
  limits: Limits;
  /** Jobs in hand at once; the documents among them that are ready together are stored in one transaction. */
  concurrency: number;
  /** How long a job's lock lasts without renewal; a worker that dies loses its jobs to others after this. */
  lockDurationMs?: number;
  /** Stop once the queue holds no waiting, delayed or active jobs (benchmarks, tests, one-off backfills). */
  untilEmpty?: boolean;
  log: (line: string) => void;
}

export interface RunningWorker {
  stats: WorkerStats;
  /** Settles when the worker has stopped (closed, or the queue ran empty with untilEmpty). */
  done: Promise<void>;
  close(): Promise<void>;
}

/**
 * Coding holds the event loop for the whole document, so lock renewal cannot run meanwhile: the lock outlasts
 * twice the time budget of one document.
 */
export function lockDurationFor(limits: Limits): number {
  return Math.max(60_000, 2 * limits.docBudgetMs);
}

const EMPTY_POLL_MS = 500;

export async function startWorker(settings: WorkerSettings): Promise<RunningWorker> {
  const { store, pipeline, limits, log } = settings;
  const stats: WorkerStats = { jobs: 0, stored: 0, events: 0, duplicates: 0, failed: 0 };
  const saver = new GroupSaver(store, settings.concurrency, (saved) => {
    stats.stored += saved.stored;
    stats.events += saved.events;
    stats.duplicates += saved.duplicates;
  });
  const lockDuration = settings.lockDurationMs ?? lockDurationFor(limits);
  const connection = connectionFor(settings.redisUrl);
  const outage = new Outage({
    pause: () => worker.pause(true),
    resume: () => worker.resume(),
    probe: () => store.hasArticle(''),
    log,
  });

  const processor = async (job: Job<CodingJob, JobOutcome>, token?: string): Promise<JobOutcome> => {
    const parsed = CodingJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`not a Rasad article job: ${z.prettifyError(parsed.error)}`);
    try {
      const doc = await codeJob(store, pipeline, limits, parsed.data);
      if (doc === null) stats.duplicates++;
      else await saver.save(doc);
      stats.jobs++;
      return { alreadyStored: doc === null };
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      // Back to the queue for later, without using up an attempt; the worker pauses until the database answers.
      outage.begin(err);
      await job.moveToDelayed(Date.now() + outage.retryDelayMs, token);
      throw new DelayedError();
    }
  };

  const worker = new Worker<CodingJob, JobOutcome>(settings.queue, processor, {
    connection,
    concurrency: settings.concurrency,
    lockDuration,
    stalledInterval: Math.min(30_000, Math.max(500, Math.floor(lockDuration / 2))),
    // A job can stall through no fault of its own (its worker killed, a long document): give it more than one chance.
    maxStalledCount: 3,
    autorun: false,
  });
  /** The last queue error since a job last completed: '' while Redis answers. */
  let lastError = '';
  worker.on('error', (err) => {
    // ioredis repeats the same error while Redis is away: say it once.
    if (err.message !== lastError) log(`queue: ${err.message}`);
    lastError = err.message;
  });
  worker.on('completed', () => {
    // A job finished, so Redis answers again: say so, and let a later outage be reported afresh.
    if (lastError === '') return;
    log('queue: jobs complete again');
    lastError = '';
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? JOB_OPTIONS.attempts ?? 1;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    if (final) stats.failed++;
    const origin = job.data?.article?.meta?.origin ?? `job ${job.id}`;
    log(`${origin}: ${err.message}${final ? '' : ` (attempt ${job.attemptsMade} of ${attempts}; it will be tried again)`}`);
  });
  await whenReady(worker, settings.redisUrl);

  // A queue handle for counting jobs when untilEmpty: the worker stops once nothing is left anywhere.
  const counter = settings.untilEmpty ? new Queue<CodingJob>(settings.queue, { connection }) : null;
  counter?.on('error', () => undefined);
  let poll: NodeJS.Timeout | undefined;
  let closing: Promise<void> | null = null;
  let finish = (): void => undefined;
  // Not worker.run()'s promise: that one also settles when the worker pauses for an outage.
  const done = new Promise<void>((resolve) => (finish = resolve));
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      clearInterval(poll);
      await outage.stop();
      // With Redis unreachable the jobs in hand cannot be marked done, and a graceful close would wait for it for
      // ever: let them go (their locks expire, and the worker that takes them up finds their articles stored).
      const queueDown = lastError !== '';
      if (queueDown) log('queue: Redis is unreachable, so the jobs in hand are left to other workers');
      await worker.close(queueDown);
      await counter?.close();
      finish();
    })());
  worker.run().catch((err: unknown) => {
    log(`stopped: ${message(err)}`);
    void close();
  });
  if (counter) {
    poll = setInterval(() => {
      void counter
        .getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children')
        .then((counts) => {
          if (Object.values(counts).every((n) => n === 0) && !outage.ongoing) void close();
        })
        .catch(() => undefined);
    }, EMPTY_POLL_MS);
  }
  return { stats, done, close };
}
