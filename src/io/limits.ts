// Input limits: how big one article may be and how many articles one input (a file, stdin, a queued job)
// may hold. Whatever is over a limit is refused with a message naming it; everything else still goes in.

export interface Limits {
  /** Largest article text accepted, in UTF-8 bytes. */
  maxArticleBytes: number;
  /** Most articles taken from one input; the rest of that input is refused. */
  maxBatch: number;
  /** Wall-clock milliseconds the coder may spend on one document (checked between pipeline stages). */
  docBudgetMs: number;
}

export const DEFAULT_LIMITS: Limits = { maxArticleBytes: 2 * 1024 * 1024, maxBatch: 100_000, docBudgetMs: 30_000 };

/**
 * Raw bytes allowed for one article before parsing, so nothing bigger is ever read into memory: a text file
 * adds front matter, HTML carries markup, a JSONL line may escape every character (\u0627: 6 bytes for 2).
 */
export function rawLimit(kind: 'txt' | 'html' | 'jsonl', limits: Limits): number {
  if (kind === 'html') return limits.maxArticleBytes * 8;
  if (kind === 'jsonl') return limits.maxArticleBytes * 4;
  return limits.maxArticleBytes + 64 * 1024;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** "2MB", "512k", "1048576" -> bytes; null when it is not a size. */
export function parseSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return null;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes >= 1 ? bytes : null;
}

/** 2097152 -> "2 MB", for messages. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} kB`;
  return `${bytes} bytes`;
}

export function withDefaults(limits: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(limits ?? {}).filter(([, v]) => v !== undefined)) };
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: '${value}' is not a whole number, 1 or more`);
  return n;
}

/** Limits from RASAD_MAX_ARTICLE_SIZE, RASAD_MAX_BATCH and RASAD_DOC_BUDGET_MS (workers take no flags per job). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Limits> {
  const out: Partial<Limits> = {};
  const size = env.RASAD_MAX_ARTICLE_SIZE;
  if (size !== undefined && size !== '') {
    const bytes = parseSize(size);
    if (bytes === null) throw new Error(`RASAD_MAX_ARTICLE_SIZE: '${size}' is not a size (e.g. 2MB, 512kB)`);
    out.maxArticleBytes = bytes;
  }
  const maxBatch = wholeNumber('RASAD_MAX_BATCH', env.RASAD_MAX_BATCH);
  if (maxBatch !== undefined) out.maxBatch = maxBatch;
  const docBudgetMs = wholeNumber('RASAD_DOC_BUDGET_MS', env.RASAD_DOC_BUDGET_MS);
  if (docBudgetMs !== undefined) out.docBudgetMs = docBudgetMs;
  return out;
}

/** The message for an article over the size limit. */
export function tooBig(bytes: number, limit: number, what = 'article'): string {
  return `${what} is ${formatSize(bytes)}, over the ${formatSize(limit)} limit (raise it with --max-article-size or RASAD_MAX_ARTICLE_SIZE)`;
}
