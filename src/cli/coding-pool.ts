// Coding for `rasad ingest` off the main thread: a few worker threads (src/cli/coding-worker.ts) code articles while
// the main thread reads, stores and merges (storing on SQLite is synchronous CPU work of its own). Each article goes
// to the least busy thread; the caller keeps results in input order and bounds how many are in flight. A thread also
// makes the corpus annotations the store would otherwise make on the main thread, and sends back only what storing
// reads (StorableDocument): the tokens and sentences are most of a coded document, to copy and to hold in memory.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../document.js';
import type { Pipeline } from '../pipeline.js';
import type { StorableDocument } from '../store/store.js';

/**
 * Codes one article for storing; rejects with the reason it could not be coded. A pool's documents carry their
 * annotations and lack tokens, sentences, times, attributions and the folded text (see StorableDocument).
 */
export interface Coder {
  code(article: Article): Promise<StorableDocument>;
  close(): Promise<void>;
}

export interface CodingSetup {
  budgetMs?: number;
}

export interface CodingRequest {
  seq: number;
}

export type CodingReply = { seq: number; ok: true; doc: StorableDocument } | { seq: number; ok: false; message: string };

/** A pipeline as a Coder, coding on the calling thread (at once, so results come in call order). */
export function inlineCoder(pipeline: Pipeline): Coder {
  return {
    code: (article) => new Promise((resolve) => resolve(pipeline.run(article))),
    close: () => Promise.resolve(),
  };
}

/** Coding threads worth starting here: one per core, none on a single core (a thread there only adds copying). */
export function defaultCodingThreads(): number {
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores, 8) : 0;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/** `threads` coding threads (1 or more); close() ends them. */
export function codingPool(threads: number, setup: CodingSetup = {}): Coder {
  const waiting = new Map<number, { resolve: (doc: StorableDocument) => void; reject: (err: Error) => void; slot: Slot }>();
  let failure: Error | null = null;
  const fail = (err: Error): void => {
    failure ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const slots: Slot[] = Array.from({ length: threads }, () => {
    const slot: Slot = { worker: new Worker(new URL('./coding-worker.js', import.meta.url), { workerData: setup }), busy: 0 };
    slot.worker.on('message', (reply: CodingReply) => {
      const w = waiting.get(reply.seq);
      if (!w) return;
      waiting.delete(reply.seq);
      w.slot.busy--;
      if (reply.ok) w.resolve(reply.doc);
      else w.reject(new Error(reply.message));
    });
    // A thread that dies (out of memory, a bug) fails what it holds and everything after: no article is lost silently.
    slot.worker.on('error', (err) => fail(new Error(`coding thread failed: ${err.message}`)));
    slot.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`coding thread exited with code ${code}`));
    });
    return slot;
  });
  let seq = 0;
  return {
    code(article) {
      if (failure) return Promise.reject(failure);
      const slot = slots.reduce((least, s) => (s.busy < least.busy ? s : least));
      const id = seq++;
      slot.busy++;
      return new Promise<StorableDocument>((resolve, reject) => {
        waiting.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ seq: id, article: { meta: article.meta, text: article.text } });
      });
    },
    async close() {
      failure ??= new Error('coding pool closed');
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
