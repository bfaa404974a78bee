// JSONL read as a stream (a file or stdin of any size): one line in memory at a time, a line over the size
// limit skipped with a message, invalid UTF-8 reported per line, and at most `maxBatch` articles per input.
import { parseJsonlLine } from './jsonl.js';
import { formatSize, rawLimit, type Limits } from './limits.js';
import { splitLines } from './lines.js';
import type { ReadOptions, ReadResult } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function error(origin: string, message: string): ReadResult {
  return { ok: false, error: { origin, message } };
}

export async function* readJsonlStream(
  chunks: AsyncIterable<Buffer | string>,
  stem: string,
  origin: string,
  options: ReadOptions,
  limits: Limits,
): AsyncGenerator<ReadResult> {
  const maxLine = rawLimit('jsonl', limits);
  let taken = 0;
  let seen = false;
  const over = { first: 0, last: 0, count: 0 };
  for await (const line of splitLines(chunks, maxLine)) {
    const blank = line.bytes !== null && line.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
    if (blank) continue;
    seen = true;
    if (taken >= limits.maxBatch) {
      if (over.count++ === 0) over.first = line.number;
      over.last = line.number;
      continue;
    }
    const at = `${origin}:${line.number}`;
    if (line.bytes === null) {
      yield error(at, `line is ${formatSize(line.size)}, over the ${formatSize(maxLine)} limit for one JSONL line (raise it with --max-article-size)`);
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(line.bytes);
    } catch {
      yield error(at, 'invalid UTF-8 (save the file as UTF-8; Windows-1256 and Latin-1 are not read)');
      continue;
    }
    const result = parseJsonlLine(text, line.number, stem, origin, options);
    if (!result) continue;
    if (result.ok) taken++;
    yield result;
  }
  if (!seen) yield error(origin, 'empty file');
  if (over.count > 0) {
    const lines = over.first === over.last ? `${over.first}` : `${over.first}-${over.last}`;
    yield error(
      `${origin}:${lines}`,
      `${over.count} more article line(s) not read: over the limit of ${limits.maxBatch} articles per input (split the input, or raise --max-batch / RASAD_MAX_BATCH)`,
    );
  }
}
