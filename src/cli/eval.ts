// `rasad eval --gold DIR` / `rasad eval --external FILE...`: accuracy against gold annotations.
import { InvalidArgumentError, type Command } from 'commander';
import { loadStateCodes } from '../eval/actor-codes.js';
import { externalDetails, externalSummary } from '../eval/external-report.js';
import { expandExternalPaths, runExternal } from '../eval/external.js';
import { goldDetails, goldJson, goldSummary } from '../eval/gold-report.js';
import { readGoldDir, runGold } from '../eval/gold.js';
import { mergeDetails, mergeSummary, readMergeGold, runMergeEval } from '../eval/merge.js';
import { DEFAULT_DATA_DIR } from '../lexicon/index.js';
import { createPipeline } from '../pipeline.js';
import { parseLangOption } from './options.js';

interface EvalOptions {
  gold?: string;
  external?: string[];
  merge?: string[];
  lang?: 'ar' | 'en';
  limit?: number;
  details?: boolean;
  json?: boolean;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function register(command: Command): void {
  command
    .option('--gold <dir>', 'folder with gold.jsonl and texts/<doc>.txt (shared/eval/SCHEMA.md)')
    .option('--external <files...>', 'external JSONL record files, or folders of them (shared/data/README.md)')
    .option('--merge <dirs...>', 'merge quality: gold folders pooled, clusters.jsonl in the first (eval/merge ../shared/eval/dev)')
    .option('--lang <lang>', 'only documents in this language (ar|en), with --gold', parseLangOption)
    .option('--limit <n>', 'only the first N scorable records of each external file', parseLimit)
    .option('--details', 'per document/record: matched, missed and spurious events')
    .option('--json', 'print the figures as JSON')
    .action((opts: EvalOptions) => {
      if (!opts.gold && !opts.external && !opts.merge) throw new InvalidArgumentError('give --gold DIR, --external FILE or --merge DIR...');
      const pipeline = createPipeline();
      const json: Record<string, unknown> = {};
      if (opts.gold) {
        const run = runGold(readGoldDir(opts.gold), pipeline, opts.lang);
        if (opts.json) json.gold = goldJson(run);
        else {
          if (opts.details) for (const d of run.docs) console.log(`${goldDetails(d)}\n`);
          console.log(`gold: ${opts.gold}`);
          console.log(goldSummary(run));
        }
      }
      if (opts.external) {
        const states = loadStateCodes(DEFAULT_DATA_DIR);
        const runs = expandExternalPaths(opts.external).map((file) => runExternal(file, pipeline, states, opts.limit));
        if (opts.json) {
          json.external = runs.map((r) => ({ file: r.file, full: r.full, typeOnly: r.typeOnly, counts: r.counts }));
        } else {
          if (opts.details) {
            for (const r of runs) {
              for (const rec of r.records) {
                const text = externalDetails(rec);
                if (text) console.log(text);
              }
            }
            console.log('');
          }
          console.log(externalSummary(runs));
        }
      }
      if (opts.merge) {
        const run = runMergeEval(readMergeGold(opts.merge), pipeline);
        if (opts.json) json.merge = { ...run, errors: undefined };
        else {
          if (opts.details) console.log(`${mergeDetails(run)}\n`);
          console.log(mergeSummary(run));
        }
      }
      if (opts.json) console.log(JSON.stringify(json, null, 2));
    });
}
