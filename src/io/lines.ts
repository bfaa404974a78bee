// Lines of a byte stream, never holding more than one line (up to a cap) in memory: a JSONL file of any
// size streams through, and a line over the cap is skipped and reported by its length, not buffered.

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line's bytes without the newline; null when the line was over the cap (it was skipped). */
  bytes: Buffer | null;
  /** The line's length in bytes (also for a skipped one). */
  size: number;
}

export async function* splitLines(chunks: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 1;
  let skipping = false;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, from);
      const end = nl < 0 ? buf.length : nl;
      size += end - from;
      if (!skipping && size > maxLineBytes) {
        skipping = true;
        parts = [];
      }
      if (!skipping && end > from) parts.push(buf.subarray(from, end));
      if (nl < 0) break;
      yield { number, bytes: skipping ? null : Buffer.concat(parts), size };
      number++;
      parts = [];
      size = 0;
      skipping = false;
      from = nl + 1;
    }
  }
  if (size > 0 || parts.length > 0 || skipping) yield { number, bytes: skipping ? null : Buffer.concat(parts), size };
}
