// The coding queue on Redis (BullMQ), shared by `rasad enqueue` (producer) and `rasad worker` (consumer): one job
// per article, its id the article's content hash, so an article queued twice is one job.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE = 'rasad-code';
export const JOB_NAME = 'code';

/** A job is an article as the readers made it (src/io): validated again when a worker takes it out of Redis. */
export const CodingJobSchema = z.object({
  article: z.object({
    text: z.string().refine((t) => t.trim() !== '', 'no article text'),
    meta: z.object({
      id: z.string(),
      title: z.string().nullable(),
      outlet: z.string().nullable(),
      published: z.string().nullable(),
      url: z.string().nullable(),
      lang: z.enum(['ar', 'en']).nullable(),
      origin: z.string(),
    }),
  }),
});
export type CodingJob = z.infer<typeof CodingJobSchema>;

/**
 * Failures other than an unreachable database (which waits without using attempts, src/queue/outage.ts) are
 * retried with backoff: 1 s, 2 s, 4 s ... Finished jobs are kept up to a count, so Redis memory stays bounded; an
 * article queued again after its job was dropped is recognised by the store (same text, stored once).
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 10_000 },
  removeOnFail: { count: 10_000 },
};

export class QueueUnavailableError extends Error {}

/** --redis, else RASAD_REDIS_URL, else the local default. */
export function redisUrlFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const url = flag ?? env.RASAD_REDIS_URL ?? DEFAULT_REDIS_URL;
  if (!/^rediss?:\/\//.test(url)) throw new QueueUnavailableError(`not a Redis URL: ${redisLabel(url)} (expected redis://host:6379)`);
  return url;
}

/** --queue, else RASAD_QUEUE, else rasad-code: separate queues let several corpora or tests share one Redis. */
export function queueNameFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const name = flag ?? env.RASAD_QUEUE ?? DEFAULT_QUEUE;
  if (!/^[\w.-]+$/.test(name)) throw new QueueUnavailableError(`queue name must be letters, digits, . _ or -, not "${name}"`);
  return name;
}

/** The URL without its password, for messages. */
export function redisLabel(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Workers block on Redis while they wait for jobs, which BullMQ allows only without a per-request retry cap. */
export function connectionFor(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null };
}

/** Wait for Redis, or fail with a message naming it; ioredis would otherwise retry silently for ever. */
export async function whenReady(target: { waitUntilReady(): Promise<unknown> }, url: string, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`cannot reach Redis at ${redisLabel(url)} (waited ${timeoutMs / 1000} s)`)), timeoutMs);
  });
  try {
    await Promise.race([target.waitUntilReady(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openQueue(url: string, name: string): Promise<Queue<CodingJob>> {
  const queue = new Queue<CodingJob>(name, { connection: connectionFor(url), defaultJobOptions: JOB_OPTIONS });
  // Connection trouble shows up as the whenReady() error or a failed call; an 'error' event must not crash the process.
  queue.on('error', () => undefined);
  try {
    await whenReady(queue, url);
  } catch (err) {
    await queue.close().catch(() => undefined);
    throw err;
  }
  return queue;
}
