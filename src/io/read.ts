// STUB (to be extended): read articles from paths (.txt with front matter only so far).
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Article, Lang } from '../document.js';

export interface ReadOptions {
  /** Publication date to assume when the input gives none (YYYY, YYYY-MM, YYYY-MM-DD). */
  published?: string;
  lang?: Lang;
}

export interface InputError {
  origin: string;
  message: string;
}

export type ReadResult = { ok: true; article: Article } | { ok: false; error: InputError };

export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    yield {
      ok: true,
      article: {
        text,
        meta: {
          id: basename(path, extname(path)),
          title: null,
          outlet: null,
          published: options.published ?? null,
          url: null,
          lang: options.lang ?? null,
          origin: path,
        },
      },
    };
  }
}
