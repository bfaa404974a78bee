// Read articles from paths: .txt (with optional front matter), .jsonl, .html/.htm, folders (recursively)
// and `-` for stdin. Each article or error is yielded as it is read; one bad input never stops the batch.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { finishArticle, inputError } from './article.js';
import { BINARY_MESSAGE, BINARY_PROBE_BYTES, decodeText, looksBinary } from './decode.js';
import { describeFsError, expandPaths, STDIN } from './files.js';
import { htmlNestingDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { readJsonlStream } from './jsonl-stream.js';
import { formatSize, rawLimit, withDefaults } from './limits.js';
import { openStdin } from './stdin.js';
import { parseTextArticle } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

export type { InputError, ReadOptions, ReadResult } from './types.js';
export { expandPaths } from './files.js';

/** The first bytes of a file, to tell binary from text before streaming it. */
async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(BINARY_PROBE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** One article from a whole .txt or .html file's bytes. */
async function articleFromBytes(bytes: Uint8Array, ext: string, stem: string, origin: string, options: ReadOptions): Promise<ReadResult> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return inputError(origin, decoded.message);
  if (ext === '.html' || ext === '.htm') {
    const depth = htmlNestingDepth(decoded.text, MAX_HTML_DEPTH);
    if (depth > MAX_HTML_DEPTH) return inputError(origin, `HTML nested more than ${MAX_HTML_DEPTH} elements deep; not read (real pages nest far less)`);
    // The DOM parser and Readability take longer to load than a text article takes to code: only for HTML.
    const { parseHtmlArticle } = await import('./html.js');
    try {
      return finishArticle(parseHtmlArticle(decoded.text, stem, origin), options);
    } catch (err) {
      // The DOM parser and Readability throw on some malformed pages: that page fails, not the batch.
      return inputError(origin, `could not read the HTML (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return finishArticle(parseTextArticle(decoded.text, stem, origin), options);
}

/**
 * The articles in one file (or `-`). JSONL streams line by line; a .txt or .html file is one article and is
 * refused unread when it is bigger than one may be (src/io/limits.ts), so memory stays bounded.
 */
export async function* readFileInputs(path: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const limits = withDefaults(options.limits);
  if (path === STDIN) {
    const input = await openStdin(limits);
    if (input.kind === 'jsonl') yield* readJsonlStream(input.chunks, 'stdin', 'stdin', options, limits);
    else if (input.kind === 'text') yield await articleFromBytes(input.bytes, '.txt', 'stdin', 'stdin', options);
    else yield inputError('stdin', input.message);
    return;
  }
  const ext = extname(path).toLowerCase();
  const stem = basename(path, extname(path));
  try {
    if (ext === '.jsonl') {
      if (looksBinary(await readHead(path))) {
        yield inputError(path, BINARY_MESSAGE);
        return;
      }
      yield* readJsonlStream(createReadStream(path, { highWaterMark: 1 << 20 }), stem, path, options, limits);
      return;
    }
    const { size } = await stat(path);
    const cap = rawLimit(ext === '.html' || ext === '.htm' ? 'html' : 'txt', limits);
    if (size > cap) {
      yield inputError(path, `file is ${formatSize(size)}, over the ${formatSize(cap)} limit for one article (raise it with --max-article-size or RASAD_MAX_ARTICLE_SIZE)`);
      return;
    }
    yield await articleFromBytes(await readFile(path), ext, stem, path, options);
  } catch (err) {
    yield inputError(path, describeFsError(err));
  }
}

export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const { files, errors } = await expandPaths(paths);
  for (const error of errors) yield { ok: false, error };
  for (const file of files) yield* readFileInputs(file, options);
}
