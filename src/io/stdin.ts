// Stdin without reading it all first: the bytes up to the end of the first non-blank line tell JSONL from
// text; JSONL then streams on line by line, text is collected up to the size limit of one article.
import { looksLikeJsonl } from './jsonl.js';
import { formatSize, rawLimit, type Limits } from './limits.js';

export type StdinInput = { kind: 'jsonl'; chunks: AsyncIterable<Buffer> } | { kind: 'text'; bytes: Buffer } | { kind: 'too-big'; message: string };

const toBuffer = (chunk: unknown): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

export async function openStdin(limits: Limits, stream: AsyncIterable<unknown> = process.stdin): Promise<StdinInput> {
  const it = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let sawContent = false;
  let lineDone = false;
  let ended = false;
  while (!lineDone && headBytes <= rawLimit('jsonl', limits)) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = toBuffer(next.value);
    head.push(chunk);
    headBytes += chunk.length;
    let i = 0;
    if (!sawContent) {
      while (i < chunk.length && isSpace(chunk[i] as number)) i++;
      sawContent = i < chunk.length;
    }
    if (sawContent && chunk.indexOf(0x0a, i) >= 0) lineDone = true;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  const first = Buffer.concat(head);
  if (!first.subarray(0, 8192).includes(0) && looksLikeJsonl(first.toString('utf8'))) return { kind: 'jsonl', chunks: all() };
  const cap = rawLimit('txt', limits);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of all()) {
    size += chunk.length;
    if (size > cap) return { kind: 'too-big', message: `input is over the ${formatSize(cap)} limit for one article (raise it with --max-article-size or RASAD_MAX_ARTICLE_SIZE)` };
    parts.push(chunk);
  }
  return { kind: 'text', bytes: Buffer.concat(parts) };
}
