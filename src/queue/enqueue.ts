// Feed the coding queue: read articles with the same readers as `rasad ingest` (same limits, same messages) and
// add one job per article, its id the content hash, in bulk.
import type { Queue } from 'bullmq';
import { readInputs, type InputError, type ReadOptions } from '../io/read.js';
import { contentHash } from '../store/store.js';
import { JOB_NAME, type CodingJob } from './queue.js';

export interface EnqueueSummary {
  /** Articles read from the inputs. */
  read: number;
  /** Jobs sent; an article already waiting in the queue (same text) stays one job. */
  sent: number;
  errors: number;
}

export interface EnqueueOptions extends ReadOptions {
  onError?: (error: InputError) => void;
}

/** Jobs per round trip, and bytes of article text: a bulk of big articles is sent early. */
const BULK_JOBS = 200;
const BULK_BYTES = 16 * 1024 * 1024;

type Bulk = Parameters<Queue<CodingJob>['addBulk']>[0];

export async function enqueuePaths(queue: Queue<CodingJob>, paths: string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { read: 0, sent: 0, errors: 0 };
  let bulk: Bulk = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (bulk.length === 0) return;
    await queue.addBulk(bulk);
    summary.sent += bulk.length;
    bulk = [];
    bytes = 0;
  };
  for await (const result of readInputs(paths, options)) {
    if (!result.ok) {
      summary.errors++;
      options.onError?.(result.error);
      continue;
    }
    summary.read++;
    const { article } = result;
    bulk.push({ name: JOB_NAME, data: { article }, opts: { jobId: contentHash(article.text) } });
    bytes += article.text.length;
    if (bulk.length >= BULK_JOBS || bytes >= BULK_BYTES) await flush();
  }
  await flush();
  return summary;
}
