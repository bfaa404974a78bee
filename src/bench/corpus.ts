// Benchmark corpus: synthetic news articles from sentence templates, deterministic from a seed.
// Half Arabic, half English (even index Arabic). Each article mixes event sentences and filler sentences
// in paragraphs until it reaches about the requested number of words.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AR } from './templates-ar.js';
import { EN } from './templates-en.js';

export interface LanguagePack {
  lang: 'ar' | 'en';
  /** [name, adjective (Arabic: with ال), capital] */
  states: Array<[string, string, string]>;
  offices: string[];
  official: (adjective: string, office: string) => string;
  dates: string[];
  months: string[];
  topics: string[];
  outlets: string[];
  titles: string[];
  events: string[];
  fillers: string[];
}

export interface CorpusArticle {
  id: string;
  lang: 'ar' | 'en';
  title: string;
  outlet: string;
  published: string;
  text: string;
}

export interface CorpusOptions {
  n: number;
  words: number;
  seed: number;
}

/** mulberry32: small, fast, good enough for picking templates. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

function fillSlots(template: string, slots: Record<string, string>): string {
  return template.replace(/\{([A-Z]+)\}/g, (whole, key: string) => slots[key] ?? whole);
}

/** One article; depends only on (seed, index, words), so any article can be regenerated alone. */
export function generateArticle(index: number, options: CorpusOptions): CorpusArticle {
  const pack = index % 2 === 0 ? AR : EN;
  const rand = rng((options.seed * 1_000_003 + index * 7919) >>> 0);
  const year = 2005 + Math.floor(rand() * 19);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const published = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const outlet = pick(rand, pack.outlets);
  // One main dyad per article (as in real reports), with a second dyad now and then.
  const dyad = (): Record<string, string> => {
    const a = pick(rand, pack.states);
    let b = pick(rand, pack.states);
    while (b === a) b = pick(rand, pack.states);
    return {
      A: a[0], AA: a[1], CA: a[2], B: b[0], BA: b[1], CB: b[2],
      PA: pack.official(a[1], pick(rand, pack.offices)), PB: pack.official(b[1], pick(rand, pack.offices)),
    };
  };
  const main = dyad();
  const slots = (): Record<string, string> => {
    const base = rand() < 0.75 ? main : dyad();
    const date = fillSlots(pick(rand, pack.dates), {
      DAY: String(1 + Math.floor(rand() * 28)),
      MONTH: pick(rand, pack.months),
      YEAR: String(year - Math.floor(rand() * 3)),
    });
    return { ...base, D: date, T: pick(rand, pack.topics), N: String(2 + Math.floor(rand() * 40)), OUT: outlet };
  };
  const title = fillSlots(pick(rand, pack.titles), { ...main, T: pick(rand, pack.topics) });
  const paragraphs: string[] = [];
  let words = 0;
  while (words < options.words) {
    const size = 2 + Math.floor(rand() * 3);
    const sentences: string[] = [];
    for (let i = 0; i < size && words < options.words; i++) {
      const sentence = fillSlots(pick(rand, rand() < 0.55 ? pack.events : pack.fillers), slots());
      sentences.push(sentence);
      words += countWords(sentence);
    }
    paragraphs.push(sentences.join(' '));
  }
  return { id: `bench-${String(index).padStart(6, '0')}`, lang: pack.lang, title, outlet, published, text: paragraphs.join('\n\n') };
}

export function* generateCorpus(options: CorpusOptions): Generator<CorpusArticle> {
  for (let i = 0; i < options.n; i++) yield generateArticle(i, options);
}

/** Write the corpus as JSONL (the `rasad` article format: id, title, text, published, outlet, lang). */
export async function writeCorpus(path: string, options: CorpusOptions): Promise<{ articles: number; bytes: number }> {
  const out = createWriteStream(path, 'utf8');
  let bytes = 0;
  for (const article of generateCorpus(options)) {
    const line = `${JSON.stringify(article)}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { articles: options.n, bytes };
}
