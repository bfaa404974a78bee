// What readers take and give back. A bad input is a value, not an exception: the batch goes on.
import type { Article, Lang } from '../document.js';
import type { Limits } from './limits.js';

export interface ReadOptions {
  /** Publication date to assume when the input gives none (YYYY, YYYY-MM, YYYY-MM-DD). */
  published?: string;
  /** Language to assume when the input does not declare one; detected otherwise. */
  lang?: Lang;
  /** Size and count limits (src/io/limits.ts); defaults when not given. */
  limits?: Partial<Limits>;
}

export interface InputError {
  /** The file, `file.jsonl:12` for a line, or `stdin`. */
  origin: string;
  message: string;
}

export type ReadResult = { ok: true; article: Article } | { ok: false; error: InputError };
