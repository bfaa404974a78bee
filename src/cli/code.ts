// `rasad code FILE...`: stateless coding, one JSON object per event per line (or a table).
import type { Command } from 'commander';
import { eventRecords } from '../output.js';
import { createPipeline } from '../pipeline.js';
import { loadResources } from '../lexicon/index.js';
import { readInputs } from '../io/read.js';
import { eventTableCells } from './format.js';
import { addLimitOptions, limitsFrom, parseLangOption, parsePublishedOption, type LimitFlags } from './options.js';

export function register(command: Command): void {
  command
    .argument('<paths...>', 'files or folders (.txt, .jsonl, .html); - for stdin')
    .option('--published <date>', 'publication date when the input gives none (YYYY-MM-DD, YYYY-MM or YYYY)', parsePublishedOption)
    .option('--lang <lang>', 'language when the input does not say (ar|en); detected otherwise', parseLangOption)
    .option('--format <format>', 'jsonl or table', 'jsonl');
  addLimitOptions(command).action(async (paths: string[], opts: LimitFlags & { published?: string; lang?: 'ar' | 'en'; format: string }) => {
    const limits = limitsFrom(opts);
    const pipeline = createPipeline(loadResources(), { budgetMs: limits.docBudgetMs });
    let read = 0;
    let failed = 0;
    for await (const result of readInputs(paths, { published: opts.published, lang: opts.lang, limits })) {
      if (!result.ok) {
        failed++;
        console.error(`rasad: ${result.error.origin}: ${result.error.message}`);
        continue;
      }
      read++;
      let doc;
      try {
        doc = pipeline.run(result.article);
      } catch (err) {
        // One document over the time budget (or failing) is reported; the others are still coded.
        failed++;
        console.error(`rasad: ${result.article.meta.origin}: could not be coded: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      for (const record of eventRecords(doc)) {
        process.stdout.write(opts.format === 'table' ? `${eventTableCells(record).join('\t')}\n` : `${JSON.stringify(record)}\n`);
      }
    }
    if (read === 0 && failed > 0) process.exitCode = 1;
  });
}
