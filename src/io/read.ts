// Read articles from paths: .txt (with optional front matter), .jsonl, .html/.htm, folders (recursively)
// and `-` for stdin. Each article or error is yielded as it is read; one bad input never stops the batch.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { finishArticle, inputError } from './article.js';
import { decodeText } from './decode.js';
import { describeFsError, expandPaths, STDIN } from './files.js';
import { parseHtmlArticle } from './html.js';
import { looksLikeJsonl, parseJsonl } from './jsonl.js';
import { parseTextArticle } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

export type { InputError, ReadOptions, ReadResult } from './types.js';
export { expandPaths } from './files.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The articles in one file (or `-`). */
export async function* readFileInputs(path: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const origin = path === STDIN ? 'stdin' : path;
  let bytes: Uint8Array;
  try {
    bytes = path === STDIN ? await readStdin() : await readFile(path);
  } catch (err) {
    yield inputError(origin, describeFsError(err));
    return;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    yield inputError(origin, decoded.message);
    return;
  }
  const ext = path === STDIN ? (looksLikeJsonl(decoded.text) ? '.jsonl' : '.txt') : extname(path).toLowerCase();
  const stem = path === STDIN ? 'stdin' : basename(path, extname(path));
  if (ext === '.jsonl') {
    yield* parseJsonl(decoded.text, stem, origin, options);
  } else if (ext === '.html' || ext === '.htm') {
    yield finishArticle(parseHtmlArticle(decoded.text, stem, origin), options);
  } else {
    yield finishArticle(parseTextArticle(decoded.text, stem, origin), options);
  }
}

export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const { files, errors } = await expandPaths(paths);
  for (const error of errors) yield { ok: false, error };
  for (const file of files) yield* readFileInputs(file, options);
}
