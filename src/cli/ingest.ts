// `rasad ingest PATH...`: read, code and store articles. Articles already stored (same text) are not coded
// again; each batch is one transaction, so a failing batch loses only itself.
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { expandPaths, readFileInputs, type InputError, type ReadOptions } from '../io/read.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { contentHash, openStore, type StorableDocument, type Store } from '../store/store.js';
import { loadResources } from '../lexicon/index.js';
import { codingPool, defaultCodingThreads, inlineCoder, type Coder } from './coding-pool.js';
import { addLimitOptions, limitsFrom, parseLangOption, parsePublishedOption, type LimitFlags } from './options.js';
import { dbOption } from './db-option.js';

export { DEFAULT_DB } from './db-option.js';
/**
 * Articles per transaction. A commit writes every page the batch touched, and in a large store the index entries of
 * a batch's events fall on pages of their own, so larger batches share pages and commit less often (bench:scale, at
 * 20,000 stored: commit cost per article 7.0 ms at 50, 4.2 at 200, 1.7 at 1,000). A kill loses at most one batch.
 */
const DEFAULT_BATCH = 500;

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  events: number;
  errors: number;
}

export interface IngestOptions extends ReadOptions {
  batch?: number;
  /**
   * Defer the indexes only queries read until the end (Store.deferQueryIndexes): true, false, or 'auto' (the
   * default): when the input is large next to the store (bulkWorthIt).
   */
  bulk?: boolean | 'auto';
  /** Show a progress bar (stderr) over the input files. */
  progress?: boolean;
  /** Where input errors go; they are reported as they happen. */
  onError?: (error: InputError) => void;
}

/**
 * Bulk mode pays one build of each deferred index over the whole store at the end, against an entry per report at a
 * random place in each while ingesting: worth it once the input is a good part of what the store will hold, and
 * large enough that the build is not the bulk of a short run. Input articles are guessed from bytes (a short news
 * article's JSONL line is ~2 KiB; larger articles only make the guess high, and the mode then kicks in early).
 */
const BULK_MIN_BYTES = 32 * 1024 * 1024;
const BULK_BYTES_PER_ARTICLE = 2048;

async function bulkWorthIt(store: Store, files: string[]): Promise<boolean> {
  let bytes = 0;
  for (const file of files) bytes += file === '-' ? 0 : await stat(file).then((s) => s.size, () => 0);
  if (bytes < BULK_MIN_BYTES) return false;
  return bytes / BULK_BYTES_PER_ARTICLE >= (await store.articleCount()) / 4;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Articles sent to be coded and not yet in a batch, as batches: while a batch is stored the coding threads work through
 * these, and no more are sent. Coded documents are large (their tokens), so this bounds the memory they take.
 */
const IN_FLIGHT_BATCHES = 1.5;

/**
 * Read, code and store. `coder` is a pipeline (coding on this thread) or a pool of coding threads; either way the
 * articles are stored in input order, in batches of `batch` coded articles, and errors are reported in input order.
 */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}, coder: Pipeline | Coder = createPipeline()): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, stored: 0, duplicates: 0, events: 0, errors: 0 };
  const batchSize = options.batch ?? DEFAULT_BATCH;
  const coding = 'run' in coder ? inlineCoder(coder) : coder;
  const report = (error: InputError): void => {
    summary.errors++;
    options.onError?.(error);
  };
  let batch: Array<{ doc: StorableDocument; hash: string }> = [];
  /** Hashes of the articles read but not stored yet: a second copy of one is a duplicate already. */
  const pending = new Set<string>();
  const inFlight: Array<{ origin: string; hash: string; result: Promise<StorableDocument | Error> }> = [];

  /** Decided once the inputs are known; the indexes go at the first batch that stores, so a rerun of stored input keeps them. */
  let bulk = false;
  let deferred = false;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const docs = batch.map((b) => b.doc);
    if (bulk && !deferred && store.deferQueryIndexes) {
      deferred = true;
      await store.deferQueryIndexes();
    }
    try {
      const saved = await store.saveDocuments(docs);
      summary.stored += saved.stored;
      summary.duplicates += saved.duplicates;
      summary.events += saved.events;
    } catch (err) {
      for (const doc of docs) report({ origin: doc.meta.origin, message: `not stored (its batch of ${docs.length} failed and was rolled back): ${errorMessage(err)}` });
    }
    for (const b of batch) pending.delete(b.hash);
    batch = [];
  };

  /** The oldest article in flight, once coded, into the batch. */
  const takeOldest = async (): Promise<void> => {
    const next = inFlight.shift();
    if (!next) return;
    const result = await next.result;
    if (result instanceof Error) {
      pending.delete(next.hash);
      report({ origin: next.origin, message: `could not be coded: ${result.message}` });
      return;
    }
    batch.push({ doc: result, hash: next.hash });
    if (batch.length >= batchSize) await flush();
  };

  const { files, errors } = await expandPaths(paths);
  errors.forEach(report);
  const mode = options.bulk ?? 'auto';
  bulk = mode === 'auto' ? await bulkWorthIt(store, files) : mode;
  const bar = options.progress ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} files | {articles} articles', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(files.length, 0, { articles: 0 });
  try {
    for (const file of files) {
      for await (const result of readFileInputs(file, options)) {
        if (!result.ok) {
          report(result.error);
          continue;
        }
        summary.read++;
        const hash = contentHash(result.article.text);
        if (pending.has(hash) || (await store.hasArticle(hash))) {
          summary.duplicates++;
          continue;
        }
        pending.add(hash);
        const coded = coding.code(result.article).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
        inFlight.push({ origin: result.article.meta.origin, hash, result: coded });
        while (inFlight.length >= Math.max(1, Math.round(batchSize * IN_FLIGHT_BATCHES))) await takeOldest();
      }
      bar?.increment(1, { articles: summary.read });
    }
    while (inFlight.length > 0) await takeOldest();
    await flush();
  } finally {
    bar?.stop();
    // Also after a failure: the indexes are only ever missing while an ingest runs (or after a kill: see
    // src/store/sqlite-indexes.ts).
    if (deferred) await store.restoreQueryIndexes?.();
  }
  return summary;
}

export function formatSummary(s: IngestSummary): string {
  return `articles read: ${s.read}, stored: ${s.stored}, duplicates: ${s.duplicates}, events: ${s.events}, errors: ${s.errors}\n`;
}

function parseBatchOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of articles, 1 or more');
  return n;
}

function parseJobsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of threads, 0 or more');
  return n;
}

export function register(command: Command): void {
  command
    .argument('<paths...>', 'files or folders (.txt, .jsonl, .html); - for stdin')
    .addOption(dbOption())
    .option('--published <date>', 'publication date when the input gives none (YYYY-MM-DD, YYYY-MM or YYYY)', parsePublishedOption)
    .option('--lang <lang>', 'language when the input does not say (ar|en); detected otherwise', parseLangOption)
    .option('--batch <n>', 'articles per transaction', parseBatchOption, DEFAULT_BATCH)
    .option('--bulk', 'drop the indexes only queries use while ingesting, build them once at the end (default: when the input is large next to the store)')
    .option('--no-bulk', 'keep every index up to date while ingesting')
    .option('--jobs <n>', 'coding threads beside the one that stores (0: code on it; default one per core, 0 on one core)', parseJobsOption);
  addLimitOptions(command).action(async (paths: string[], opts: LimitFlags & { db: string; published?: string; lang?: 'ar' | 'en'; batch: number; jobs?: number; bulk?: boolean }) => {
    const progress = process.stderr.isTTY === true;
    const limits = limitsFrom(opts);
    const deferred: InputError[] = [];
    const store = await openStore(opts.db);
    const threads = opts.jobs ?? defaultCodingThreads();
    const coder = threads > 0 ? codingPool(threads, { budgetMs: limits.docBudgetMs }) : createPipeline(loadResources(), { budgetMs: limits.docBudgetMs });
    let summary: IngestSummary;
    try {
      summary = await ingestPaths(store, paths, {
        published: opts.published,
        lang: opts.lang,
        batch: opts.batch,
        bulk: opts.bulk ?? 'auto',
        limits,
        progress,
        // With a progress bar on stderr, messages wait until it is gone.
        onError: (e) => (progress ? deferred.push(e) : console.error(`rasad: ${e.origin}: ${e.message}`)),
      }, coder);
    } finally {
      if (!('run' in coder)) await coder.close();
      await store.close();
    }
    for (const e of deferred) console.error(`rasad: ${e.origin}: ${e.message}`);
    process.stdout.write(formatSummary(summary));
    if (summary.read === 0) process.exitCode = 1;
  });
}
