// Writing an export: chunks are gathered into blocks of about 64 KiB and written with backpressure, so a
// million rows flow to a file or a pipe without piling up in memory.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const BLOCK = 64 * 1024;

export type Chunks = AsyncIterable<string> | Iterable<string>;

async function* blocks(chunks: Chunks): AsyncGenerator<string> {
  let block = '';
  for await (const chunk of chunks) {
    block += chunk;
    if (block.length >= BLOCK) {
      yield block;
      block = '';
    }
  }
  if (block !== '') yield block;
}

/** Streams whose reader has gone (`rasad export | head`): writing to them stops quietly, as Unix tools do. */
const closed = new WeakSet<Writable>();
const watched = new WeakSet<Writable>();

export function isBrokenPipe(err: unknown): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === 'EPIPE';
}

/** Keep an error listener on the stream for good: EPIPE can arrive after the last write returned. */
function watch(out: Writable): void {
  if (watched.has(out)) return;
  watched.add(out);
  out.on('error', (err) => {
    if (isBrokenPipe(err)) closed.add(out);
    else throw err;
  });
}

/** Write to an open stream that stays open (stdout). */
export async function writeChunks(out: Writable, chunks: Chunks): Promise<void> {
  watch(out);
  for await (const block of blocks(chunks)) {
    if (closed.has(out)) return;
    if (out.write(block)) continue;
    try {
      await once(out, 'drain');
    } catch (err) {
      if (isBrokenPipe(err)) return;
      throw err;
    }
  }
}

/** Write to `path` (closed and flushed before this returns), or to stdout when there is none. */
export async function writeExport(path: string | undefined, chunks: Chunks): Promise<void> {
  if (path === undefined) return writeChunks(process.stdout, chunks);
  await pipeline(Readable.from(blocks(chunks)), createWriteStream(path, { encoding: 'utf8' }));
}
