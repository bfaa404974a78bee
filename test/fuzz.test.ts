// Hostile input through the readers the CLI uses (src/io) and the whole pipeline: every input ends in events
// or in clear errors, never in a crash or a hang. The run prints how many inputs were tried, the slowest
// document and the peak RSS.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { limitsFrom } from '../src/cli/options.js';
import { readFileInputs, type ReadOptions } from '../src/io/read.js';
import { DEFAULT_LIMITS, limitsFromEnv, rawLimit, withDefaults } from '../src/io/limits.js';
import { readJsonlStream } from '../src/io/jsonl-stream.js';
import { openStdin } from '../src/io/stdin.js';
import { loadResources } from '../src/lexicon/index.js';
import { EventRecordSchema, eventRecords } from '../src/output.js';
import { BudgetExceededError, createPipeline } from '../src/pipeline.js';
import { openStore } from '../src/store/store.js';

const resources = loadResources();
const pipeline = createPipeline(resources);
const stats = { inputs: 0, documents: 0, events: 0, errors: 0, slowestMs: 0, slowest: '', peakRss: 0 };
let dir: string;
let fileNo = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasad-fuzz-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `fuzz: ${stats.inputs} inputs tried, ${stats.documents} documents coded (${stats.events} events), ${stats.errors} input errors; ` +
      `slowest document ${Math.round(stats.slowestMs)} ms (${stats.slowest}); peak RSS ${Math.round(stats.peakRss / 2 ** 20)} MiB`,
  );
});

type Outcome = { kind: 'events'; count: number } | { kind: 'error'; origin: string; message: string };

/** Read `bytes` as a file of kind `ext` and code every article in it, as `rasad code` does. */
async function throughCli(bytes: Uint8Array | string, ext: string, options: ReadOptions = {}, what = ext): Promise<Outcome[]> {
  stats.inputs++;
  const path = join(dir, `in-${fileNo++}${ext}`);
  writeFileSync(path, bytes);
  const outcomes: Outcome[] = [];
  try {
    for await (const result of readFileInputs(path, options)) {
      if (!result.ok) {
        stats.errors++;
        outcomes.push({ kind: 'error', ...result.error });
        continue;
      }
      const { article } = result;
      const started = performance.now();
      let doc;
      try {
        doc = pipeline.run(article);
      } catch (err) {
        // Over the time budget is a clear per-document error; anything else thrown is a crash.
        if (!(err instanceof BudgetExceededError)) throw err;
        outcomes.push({ kind: 'error', origin: article.meta.origin, message: err.message });
        continue;
      }
      const ms = performance.now() - started;
      stats.documents++;
      if (ms > stats.slowestMs) Object.assign(stats, { slowestMs: ms, slowest: `${what}, ${article.text.length} chars` });
      const records = eventRecords(doc);
      for (const record of records) {
        EventRecordSchema.parse(record);
        expect(record.evidence.start).toBeGreaterThanOrEqual(0);
        expect(record.evidence.end).toBeLessThanOrEqual(article.text.length);
        expect(record.evidence.start).toBeLessThanOrEqual(record.evidence.end);
      }
      stats.events += records.length;
      outcomes.push({ kind: 'events', count: records.length });
    }
  } finally {
    rmSync(path, { force: true });
    stats.peakRss = Math.max(stats.peakRss, process.memoryUsage().rss);
  }
  return outcomes;
}

/** Ends in something, and every error names its input and says what is wrong in words. */
function expectClear(outcomes: Outcome[]): void {
  expect(outcomes.length).toBeGreaterThan(0);
  for (const o of outcomes) {
    if (o.kind !== 'error') continue;
    expect(o.origin).toContain(dir);
    expect(o.message).toMatch(/[a-z]{3,}/);
    expect(o.message).not.toMatch(/\n\s+at /); // no stack traces
  }
}

// Pieces that break naive text handling: bidi controls, joiners, tatweel, diacritics, odd spaces, lone
// surrogates, NUL and other controls, combining marks, emoji sequences, and real words in both languages.
const CONTROLS = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'];
const JOINERS = ['\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f'];
const ARABIC_MARKS = ['\u0640', '\u064b', '\u064e', '\u0650', '\u0651', '\u0652', '\u0670'];
const ODD = ['\ud800', '\udfff', '\u0000', '\u0007', '\u001b', '\r', '\u2028', '\u2029', '\u0301', '👩‍👩‍👧', '🇶🇦', '\ufffd', '\u00a0', '\u3000'];
const WORDS = [
  'Iran', 'Qatar', 'Oman', 'the', 'minister', 'met', 'signed', 'attacked', 'said', 'on', 'Monday', 'in', 'Doha', 'agreement', 'troops',
  'إيران', 'قطر', 'الدوحة', 'وزير', 'الخارجية', 'التقى', 'وقع', 'هاجم', 'اتفاقية', 'يوم', 'الاثنين', 'مع', 'في', 'عام', '2021', '١٩٩٩',
];
const PUNCT = ['.', '،', '؛', '؟', '!', ',', ';', '"', '«', '»', '(', ')', ' ', ' ', ' ', '\n', '\n\n', '<', '>', '&', '{', '}'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS, ...JOINERS, ...ARABIC_MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const hostileText = fc.array(piece, { minLength: 0, maxLength: 400 }).map((parts) => parts.join(''));
const published = fc.option(fc.constantFrom('2021-03-04', '2021-02-30', '1999', '2020-13', 'yesterday', ''), { nil: undefined });
const lang = fc.option(fc.constantFrom('ar', 'en', 'fa', 'AR', ''), { nil: undefined });

describe('random Unicode through every reader and the pipeline', () => {
  it('as .txt with and without front matter', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, published, fc.boolean(), async (text, date, front) => {
        const body = front ? `title: x\npublished: ${date ?? ''}\n\n${text}` : text;
        expectClear(await throughCli(body, '.txt', {}, 'random text'));
      }),
      { numRuns: 150 },
    );
  });

  it('as JSONL lines (JSON escapes carry lone surrogates and NULs into the text)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileText, published, lang), { minLength: 1, maxLength: 5 }), async (rows) => {
        const lines = rows.map(([text, date, l], i) => JSON.stringify({ id: `f${i}`, text, published: date, lang: l }));
        const outcomes = await throughCli(lines.join('\n'), '.jsonl', {}, 'random JSONL');
        expectClear(outcomes);
        // One outcome per line that is not blank: nothing is lost silently.
        expect(outcomes.length).toBe(rows.length);
      }),
      { numRuns: 80 },
    );
  });

  it('as HTML pages', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (title, text) => {
        const page = `<html lang="en"><head><title>${title}</title></head><body><article><p>${text}</p></article></body></html>`;
        expectClear(await throughCli(page, '.html', {}, 'random HTML'));
      }),
      { numRuns: 60 },
    );
  });
});

// Valid UTF-8 with invalid sequences spliced in: stray continuation bytes, overlong forms, encoded
// surrogates, bytes that never occur in UTF-8, truncated multi-byte characters.
const BAD_SEQUENCES = [[0x80], [0xbf], [0xc0, 0xaf], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe], [0xe2, 0x82], [0xf0, 0x9f, 0x98]];

describe('bytes that are not UTF-8 text', () => {
  it('invalid UTF-8 inside otherwise good articles is refused with a message, per file or per JSONL line', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom(...BAD_SEQUENCES), fc.nat(), fc.constantFrom('.txt', '.jsonl', '.html'), async (text, bad, at, ext) => {
        const good = Buffer.from(ext === '.jsonl' ? JSON.stringify({ text: `Iran ${text}` }) : `Iran ${text}`);
        const cut = good.length === 0 ? 0 : at % good.length;
        const bytes = Buffer.concat([good.subarray(0, cut), Buffer.from(bad), good.subarray(cut)]);
        const outcomes = await throughCli(bytes, ext, {}, 'invalid UTF-8');
        expectClear(outcomes);
        expect(outcomes.some((o) => o.kind === 'error' && /UTF-8|malformed JSON|binary/.test(o.message))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('random bytes and binary files (with NULs) end in an error or in events, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), fc.constantFrom('.txt', '.jsonl', '.html', '.htm'), async (bytes, withNul, ext) => {
        const data = withNul ? Buffer.concat([Buffer.from(bytes), Buffer.from([0, 0, 0x89, 0x50, 0x4e, 0x47])]) : bytes;
        const outcomes = await throughCli(data, ext, {}, 'random bytes');
        expectClear(outcomes);
        if (withNul && data.length <= 8192) expect(outcomes).toEqual([expect.objectContaining({ kind: 'error', message: expect.stringMatching(/binary file/) })]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('deeply nested HTML', () => {
  const TAGS = ['div', 'span', 'b', 'section', 'table', 'td', 'li', 'p', 'font', 'blockquote'];
  it('any depth and mix of tags, closed or not: an article or a clear "nested too deep"', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6000 }), fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 4 }), fc.boolean(), async (depth, tags, close) => {
        const open = Array.from({ length: depth }, (_, i) => `<${tags[i % tags.length]}>`).join('');
        const shut = close ? Array.from({ length: depth }, (_, i) => `</${tags[(depth - 1 - i) % tags.length]}>`).join('') : '';
        const page = `<html><body>${open}The foreign minister of Iran met the Emir of Qatar in Doha on Monday.${shut}</body></html>`;
        const outcomes = await throughCli(page, '.html', {}, `HTML nested ${depth} deep`);
        expectClear(outcomes);
        for (const o of outcomes) if (o.kind === 'error') expect(o.message).toMatch(/nested more than \d+ elements deep/);
      }),
      { numRuns: 40 },
    );
  });
});

/** About `bytes` UTF-8 bytes of words with no punctuation at all: one sentence, one paragraph. */
function runOn(words: readonly string[], bytes: number, seed: number, separator = ' '): string {
  const parts: string[] = [];
  let size = 0;
  let x = seed >>> 0;
  while (size < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const w = words[x % words.length] ?? 'x';
    parts.push(w);
    size += Buffer.byteLength(w) + Buffer.byteLength(separator);
  }
  return parts.join(separator);
}

describe('1 MB sentences with no punctuation', () => {
  const EN = WORDS.filter((w) => /^[A-Za-z]+$/.test(w));
  const AR = WORDS.filter((w) => /^[\u0600-\u06ff]+$/.test(w));
  it('code to events (or, on a starved machine, to the budget error), in both languages, with joiners for spaces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<[string, readonly string[], string]>(['ar', AR, '\u200c'], ['en', EN, '\u200d '], ['ar', AR, ' ']), fc.nat(), async ([l, words, sep], seed) => {
        const text = runOn(words, 1024 * 1024, seed, sep);
        const outcomes = await throughCli(text, '.txt', { lang: l as 'ar' | 'en', published: '2021-01-01' }, `1 MB ${l} sentence`);
        expect(outcomes).toHaveLength(1);
        const [outcome] = outcomes;
        if (outcome?.kind === 'error') expect(outcome.message).toMatch(/^over the time budget of \d+ ms per document/);
        else expect(outcome?.kind).toBe('events');
      }),
      // Each run codes a megabyte: two keep the suite's time modest (plain English megabytes run in the tests below).
      { numRuns: 2 },
    );
  }, 120_000);

  it('one 1 MB token (no spaces at all) codes to nothing, quickly', async () => {
    for (const ch of ['a', 'ا', '\u0640', '\u200d']) {
      const outcomes = await throughCli(ch.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(ch))), '.txt', { lang: 'ar' }, `1 MB run of U+${ch.codePointAt(0)?.toString(16)}`);
      expectClear(outcomes);
    }
  }, 60_000);
});

describe('huge JSONL lines', () => {
  it('a line over the raw limit is skipped unread with its size; the lines around it go in', async () => {
    const maxArticleBytes = 64 * 1024;
    const huge = JSON.stringify({ text: runOn(WORDS, rawLimit('jsonl', withDefaults({ maxArticleBytes })) + 10, 7) });
    const escaped = JSON.stringify({ text: 'إيران '.repeat(8000) }).replace(/[\u0600-\u06ff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const lines = [JSON.stringify({ text: 'Iran and Qatar signed an agreement.' }), huge, escaped, JSON.stringify({ text: 'Oman hosted the talks.' })];
    const outcomes = await throughCli(lines.join('\n'), '.jsonl', { limits: { maxArticleBytes } }, 'huge JSONL');
    expect(outcomes.map((o) => o.kind)).toEqual(['events', 'error', 'error', 'events']);
    expect(outcomes[1]).toMatchObject({ origin: expect.stringMatching(/:2$/), message: expect.stringMatching(/^line is .* over the 256 kB limit for one JSONL line/) });
    // The escaped line fits the raw limit but its text does not fit the article limit.
    expect(outcomes[2]).toMatchObject({ origin: expect.stringMatching(/:3$/), message: expect.stringMatching(/article is .* over the 64 kB limit/) });
  });

  it('a multi-megabyte line under default limits streams through, chunked anyhow', async () => {
    const text = runOn(WORDS, 1536 * 1024, 3);
    const content = `${JSON.stringify({ text: `${text}.`, lang: 'en' })}\n${JSON.stringify({ text: 'Iran and Qatar signed an agreement.' })}\n`;
    // The same content cut into random chunks reads the same: line splitting does not depend on chunk edges.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: content.length }), { maxLength: 20 }), async (cuts) => {
        const bytes = Buffer.from(content);
        const edges = [...new Set([0, ...cuts.map((c) => Math.floor((c / content.length) * bytes.length)), bytes.length])].sort((a, b) => a - b);
        const chunks = edges.slice(1).map((end, i) => bytes.subarray(edges[i], end));
        const texts: string[] = [];
        for await (const r of readJsonlStream(Readable.from(chunks), 's', 'stdin', {}, DEFAULT_LIMITS)) texts.push(r.ok ? r.article.text : r.error.message);
        expect(texts).toEqual([`${text}.`, 'Iran and Qatar signed an agreement.']);
      }),
      { numRuns: 20 },
    );
    expectClear(await throughCli(content, '.jsonl', {}, '1.5 MB JSONL line'));
  }, 60_000);
});

describe('stdin', () => {
  it('any bytes in any chunks: JSONL streamed line by line, text up to the limit, or a clear refusal', async () => {
    const limits = withDefaults({ maxArticleBytes: 4096 });
    const jsonlLine = hostileText.map((text) => `${JSON.stringify({ text, lang: 'en' })}\n`);
    const content = fc.oneof(
      fc.array(jsonlLine, { maxLength: 6 }).map((lines) => Buffer.from(lines.join(''))),
      hostileText.map((t) => Buffer.from(t)),
      fc.uint8Array({ maxLength: 20_000 }).map((b) => Buffer.from(b)),
      fc.constant(Buffer.from(`{"text": "${'x'.repeat(rawLimit('jsonl', limits) + 10)}"}\n`)),
    );
    await fc.assert(
      fc.asyncProperty(content, fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        stats.inputs++;
        const edges = [...new Set([0, ...cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)), bytes.length])].sort((a, b) => a - b);
        const input = await openStdin(limits, Readable.from(edges.slice(1).map((end, i) => bytes.subarray(edges[i], end))));
        if (input.kind === 'too-big') expect(input.message).toMatch(/over the 68 kB limit for one article/);
        if (input.kind === 'text') expect(input.bytes.equals(bytes)).toBe(true);
        if (input.kind === 'jsonl') {
          let results = 0;
          for await (const r of readJsonlStream(input.chunks, 'stdin', 'stdin', {}, limits)) {
            results++;
            if (!r.ok) expect(r.error.message).toMatch(/[a-z]{3,}/);
          }
          expect(results).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('limits are configurable and enforced', () => {
  const article = (text: string, i: number) => JSON.stringify({ id: `l${i}`, text, lang: 'en', published: '2021-05-01' });

  it('an over-limit article is refused with a message, an over-limit batch stops at the limit, the rest goes in', async () => {
    const texts = ['Iran and Qatar signed an agreement.', `Oman hosted talks. ${'More words follow here. '.repeat(200)}`, 'Qatar met Oman.', 'Iran criticised Oman.', 'Qatar praised Iran.'];
    const path = join(dir, 'limits.jsonl');
    writeFileSync(path, texts.map(article).join('\n'));
    const store = await openStore(':memory:');
    const errors: string[] = [];
    try {
      const limits = limitsFrom({ maxArticleSize: 2048, maxBatch: 3 }, {});
      const summary = await ingestPaths(store, [path], { limits, onError: (e) => errors.push(`${e.origin}: ${e.message}`) }, pipeline);
      expect(summary).toMatchObject({ read: 3, stored: 3, errors: 2 });
      expect(errors[0]).toMatch(/limits\.jsonl:2: article is 4.\d kB, over the 2 kB limit \(raise it with --max-article-size/);
      expect(errors[1]).toMatch(/limits\.jsonl:5: 1 more article line\(s\) not read: over the limit of 3 articles per input/);
      expect((await store.articles()).map((a) => a.doc).sort()).toEqual(['l0', 'l2', 'l3']);
    } finally {
      await store.close();
    }
  });

  it('a document over the time budget fails alone, with the budget in the message; the batch goes on', async () => {
    const long = runOn(WORDS, 1024 * 1024, 11);
    const path = join(dir, 'budget.jsonl');
    writeFileSync(path, ['Iran and Qatar signed an agreement.', long, 'Oman hosted talks with Qatar.'].map(article).join('\n'));
    // Short articles code in a few ms, the 1 MB one in about a second or more: 250 ms sits between.
    const tight = createPipeline(resources, { budgetMs: limitsFrom({ docBudget: 250 }, {}).docBudgetMs });
    tight.run({ text: 'Warm up.', meta: { id: 'w', title: null, outlet: null, published: null, url: null, lang: 'en', origin: 'w' } });
    const store = await openStore(':memory:');
    const errors: string[] = [];
    try {
      const summary = await ingestPaths(store, [path], { onError: (e) => errors.push(`${e.origin}: ${e.message}`) }, tight);
      expect(summary).toMatchObject({ read: 3, stored: 2, errors: 1 });
      expect(errors).toEqual([expect.stringMatching(/budget\.jsonl:2: could not be coded: over the time budget of 250 ms per document \(\d+ ms spent by the end of stage \w+\)/)]);
    } finally {
      await store.close();
    }
  });

  it('limits come from flags over the environment over the defaults, and bad values are refused', () => {
    const env = { RASAD_MAX_ARTICLE_SIZE: '512kB', RASAD_MAX_BATCH: '10', RASAD_DOC_BUDGET_MS: '900' };
    expect(limitsFrom({}, env)).toEqual({ maxArticleBytes: 512 * 1024, maxBatch: 10, docBudgetMs: 900 });
    expect(limitsFrom({ maxBatch: 4, docBudget: 50 }, env)).toEqual({ maxArticleBytes: 512 * 1024, maxBatch: 4, docBudgetMs: 50 });
    expect(limitsFrom({}, {})).toEqual(DEFAULT_LIMITS);
    expect(() => limitsFromEnv({ RASAD_MAX_ARTICLE_SIZE: 'big' })).toThrow(/RASAD_MAX_ARTICLE_SIZE: 'big' is not a size/);
    expect(() => limitsFromEnv({ RASAD_DOC_BUDGET_MS: '0' })).toThrow(/RASAD_DOC_BUDGET_MS: '0' is not a whole number/);
  });
});

describe('memory stays bounded', () => {
  it('peak RSS over the whole run stays well under 1 GiB', () => {
    stats.peakRss = Math.max(stats.peakRss, process.memoryUsage().rss);
    expect(stats.inputs).toBeGreaterThan(0);
    expect(stats.peakRss).toBeLessThan(1024 * 2 ** 20);
  });
});
