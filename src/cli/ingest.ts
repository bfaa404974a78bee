// `rasad ingest PATH...`: read, code and store articles. Articles already stored (same text) are not coded
// again; each batch is one transaction, so a failing batch loses only itself.
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import type { Document } from '../document.js';
import { expandPaths, readFileInputs, type InputError, type ReadOptions } from '../io/read.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { contentHash, openStore, type Store } from '../store/store.js';
import { loadResources } from '../lexicon/index.js';
import { addLimitOptions, limitsFrom, parseLangOption, parsePublishedOption, type LimitFlags } from './options.js';
import { dbOption } from './db-option.js';

export { DEFAULT_DB } from './db-option.js';
const DEFAULT_BATCH = 50;

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  events: number;
  errors: number;
}

export interface IngestOptions extends ReadOptions {
  batch?: number;
  /** Show a progress bar (stderr) over the input files. */
  progress?: boolean;
  /** Where input errors go; they are reported as they happen. */
  onError?: (error: InputError) => void;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}, pipeline: Pipeline = createPipeline()): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, stored: 0, duplicates: 0, events: 0, errors: 0 };
  const batchSize = options.batch ?? DEFAULT_BATCH;
  const report = (error: InputError): void => {
    summary.errors++;
    options.onError?.(error);
  };
  let batch: Document[] = [];
  const pending = new Set<string>();

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    try {
      const saved = await store.saveDocuments(batch);
      summary.stored += saved.stored;
      summary.duplicates += saved.duplicates;
      summary.events += saved.events;
    } catch (err) {
      for (const doc of batch) report({ origin: doc.meta.origin, message: `not stored (its batch of ${batch.length} failed and was rolled back): ${errorMessage(err)}` });
    }
    batch = [];
    pending.clear();
  };

  const { files, errors } = await expandPaths(paths);
  errors.forEach(report);
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
        try {
          batch.push(pipeline.run(result.article));
          pending.add(hash);
        } catch (err) {
          report({ origin: result.article.meta.origin, message: `could not be coded: ${errorMessage(err)}` });
          continue;
        }
        if (batch.length >= batchSize) await flush();
      }
      bar?.increment(1, { articles: summary.read });
    }
    await flush();
  } finally {
    bar?.stop();
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

export function register(command: Command): void {
  command
    .argument('<paths...>', 'files or folders (.txt, .jsonl, .html); - for stdin')
    .addOption(dbOption())
    .option('--published <date>', 'publication date when the input gives none (YYYY-MM-DD, YYYY-MM or YYYY)', parsePublishedOption)
    .option('--lang <lang>', 'language when the input does not say (ar|en); detected otherwise', parseLangOption)
    .option('--batch <n>', 'articles per transaction', parseBatchOption, DEFAULT_BATCH);
  addLimitOptions(command).action(async (paths: string[], opts: LimitFlags & { db: string; published?: string; lang?: 'ar' | 'en'; batch: number }) => {
    const progress = process.stderr.isTTY === true;
    const limits = limitsFrom(opts);
    const deferred: InputError[] = [];
    const store = await openStore(opts.db);
    let summary: IngestSummary;
    try {
      summary = await ingestPaths(store, paths, {
        published: opts.published,
        lang: opts.lang,
        batch: opts.batch,
        limits,
        progress,
        // With a progress bar on stderr, messages wait until it is gone.
        onError: (e) => (progress ? deferred.push(e) : console.error(`rasad: ${e.origin}: ${e.message}`)),
      }, createPipeline(loadResources(), { budgetMs: limits.docBudgetMs }));
    } finally {
      await store.close();
    }
    for (const e of deferred) console.error(`rasad: ${e.origin}: ${e.message}`);
    process.stdout.write(formatSummary(summary));
    if (summary.read === 0) process.exitCode = 1;
  });
}
