// `npm run bench`: generate a corpus, then time a bare pass (read + normalise + segment + tokenise), the full
// coder, and ingest into a fresh SQLite file, and print them against the targets of issue 2.
// Env: RASAD_BENCH_N (10000), RASAD_BENCH_WORDS (600), RASAD_BENCH_SEED (1).
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { emptyDocument, type Article, type Document } from '../document.js';
import { createPipeline } from '../pipeline.js';
import { normalise } from '../stages/normalise.js';
import { segment } from '../stages/segment.js';
import { writeCorpus, type CorpusArticle } from './corpus.js';
import { envInt } from './env.js';
import { PassMeter, type PassResult } from './measure.js';
import { passTable, targetLines } from './report.js';

/** Lines of a file read in 1 MiB chunks, so the corpus is never held in memory whole (RSS is measured). */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

function* readCorpus(path: string): Generator<Article> {
  for (const line of readLines(path)) {
    if (line === '') continue;
    const a = JSON.parse(line) as CorpusArticle;
    yield {
      text: a.text,
      meta: { id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: null, lang: a.lang, origin: path },
    };
  }
}

/** Time one pass over the corpus: each article read, then worked on. */
async function timePass(
  name: string,
  path: string,
  work: (article: Article) => Document | Promise<Document>,
  finish?: () => Promise<void>,
): Promise<PassResult> {
  const meter = new PassMeter(name);
  for (const article of readCorpus(path)) meter.add(await work(article));
  if (finish) await finish();
  return meter.finish();
}

/** Run a few articles untimed first so the JIT has compiled the hot paths of the pass being measured. */
function warmUp(path: string, work: (article: Article) => Document, count = 200): void {
  let i = 0;
  for (const article of readCorpus(path)) {
    if (i++ >= count) break;
    work(article);
  }
}

interface StoreLike {
  saveDocuments(docs: Document[]): Promise<unknown>;
  close(): Promise<void>;
}

/** The store is written by another engineer: load it if it is there, and say so if not. */
async function loadStore(path: string): Promise<StoreLike | null> {
  try {
    const spec = new URL('../store/store.js', import.meta.url).href;
    const mod = (await import(spec)) as { openStore?: (location: string) => Promise<StoreLike> };
    if (typeof mod.openStore !== 'function') return null;
    return await mod.openStore(path);
  } catch (err) {
    console.log(`ingest: store could not be opened (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

async function main(): Promise<void> {
  const n = envInt('RASAD_BENCH_N', 10_000);
  const words = envInt('RASAD_BENCH_WORDS', 600);
  const seed = envInt('RASAD_BENCH_SEED', 1);
  const dir = mkdtempSync(join(tmpdir(), 'rasad-bench-'));
  const corpus = join(dir, 'corpus.jsonl');
  try {
    const t0 = process.hrtime.bigint();
    const written = await writeCorpus(corpus, { n, words, seed });
    const genSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${load()}; every pass runs on one thread`);
    console.log(`corpus: ${written.articles} articles (~${words} words, half ar / half en), ${(written.bytes / 1024 / 1024).toFixed(1)} MiB in ${genSeconds.toFixed(1)} s`);

    const results: PassResult[] = [];
    const barePass = (article: Article): Document =>
      segment(normalise(emptyDocument(article.text, article.meta, article.meta.lang ?? 'en')));
    warmUp(corpus, barePass);
    const bare = await timePass('bare', corpus, barePass);
    results.push(bare);

    const pipeline = createPipeline();
    warmUp(corpus, (article) => pipeline.run(article));
    const code = await timePass('code', corpus, (article) => pipeline.run(article));
    results.push(code);

    const store = await loadStore(join(dir, 'bench.db'));
    if (!store) console.log('ingest: store not available');
    else {
      let batch: Document[] = [];
      const ingest = await timePass('ingest', corpus, async (article) => {
        const doc = pipeline.run(article);
        batch.push(doc);
        if (batch.length >= 200) {
          await store.saveDocuments(batch);
          batch = [];
        }
        return doc;
      }, async () => {
        if (batch.length > 0) await store.saveDocuments(batch);
      });
      await store.close();
      results.push(ingest);
    }

    console.log('');
    for (const line of passTable(results)) console.log(line);
    console.log('');
    for (const line of targetLines(code, bare)) console.log(line);
    console.log(`peak RSS    ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB over the whole run; load average ${load()} at the end`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
