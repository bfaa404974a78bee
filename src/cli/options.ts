// Shared option parsers: bad values fail with a message that says what is expected.
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_LIMITS, formatSize, limitsFromEnv, parseSize, withDefaults, type Limits } from '../io/limits.js';

export function parsePublishedOption(value: string): string {
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value)) {
    throw new InvalidArgumentError('expected YYYY-MM-DD, YYYY-MM or YYYY');
  }
  return value;
}

export function parseLangOption(value: string): 'ar' | 'en' {
  if (value !== 'ar' && value !== 'en') throw new InvalidArgumentError('expected ar or en');
  return value;
}

export function parseSizeOption(value: string): number {
  const bytes = parseSize(value);
  if (bytes === null) throw new InvalidArgumentError('expected a size such as 2MB, 512kB or 1048576');
  return bytes;
}

export function parseCountOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number, 1 or more');
  return n;
}

export interface LimitFlags {
  maxArticleSize?: number;
  maxBatch?: number;
  docBudget?: number;
}

/** --max-article-size, --max-batch, --doc-budget (defaults from RASAD_MAX_ARTICLE_SIZE, RASAD_MAX_BATCH, RASAD_DOC_BUDGET_MS). */
export function addLimitOptions(command: Command): Command {
  return command
    .option('--max-article-size <size>', `largest article accepted (default ${formatSize(DEFAULT_LIMITS.maxArticleBytes)})`, parseSizeOption)
    .option('--max-batch <n>', `most articles taken from one input file (default ${DEFAULT_LIMITS.maxBatch})`, parseCountOption)
    .option('--doc-budget <ms>', `time the coder may spend on one document (default ${DEFAULT_LIMITS.docBudgetMs} ms)`, parseCountOption);
}

/** Flags over environment over defaults. */
export function limitsFrom(flags: LimitFlags, env: NodeJS.ProcessEnv = process.env): Limits {
  return withDefaults({
    ...limitsFromEnv(env),
    ...(flags.maxArticleSize !== undefined && { maxArticleBytes: flags.maxArticleSize }),
    ...(flags.maxBatch !== undefined && { maxBatch: flags.maxBatch }),
    ...(flags.docBudget !== undefined && { docBudgetMs: flags.docBudget }),
  });
}
