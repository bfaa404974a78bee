// `rasad code FILE...`: stateless coding, one JSON object per event per line (or a table).
import type { Command } from 'commander';
import { eventRecords } from '../output.js';
import { createPipeline } from '../pipeline.js';
import { readInputs } from '../io/read.js';
import { eventTableCells } from './format.js';
import { parseLangOption, parsePublishedOption } from './options.js';

export function register(program: Command): void {
  program
    .command('code')
    .description('code articles into events and print them (nothing is stored)')
    .argument('<paths...>', 'files or folders (.txt, .jsonl, .html); - for stdin')
    .option('--published <date>', 'publication date when the input gives none (YYYY-MM-DD, YYYY-MM or YYYY)', parsePublishedOption)
    .option('--lang <lang>', 'language when the input does not say (ar|en); detected otherwise', parseLangOption)
    .option('--format <format>', 'jsonl or table', 'jsonl')
    .action(async (paths: string[], opts: { published?: string; lang?: 'ar' | 'en'; format: string }) => {
      const pipeline = createPipeline();
      let read = 0;
      let failed = 0;
      for await (const result of readInputs(paths, { published: opts.published, lang: opts.lang })) {
        if (!result.ok) {
          failed++;
          console.error(`rasad: ${result.error.origin}: ${result.error.message}`);
          continue;
        }
        read++;
        const doc = pipeline.run(result.article);
        for (const record of eventRecords(doc)) {
          process.stdout.write(opts.format === 'table' ? `${eventTableCells(record).join('\t')}\n` : `${JSON.stringify(record)}\n`);
        }
      }
      if (read === 0 && failed > 0) process.exitCode = 1;
    });
}
