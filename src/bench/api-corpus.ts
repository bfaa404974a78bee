// A large synthetic event store for the API bench, written straight through the Store (no coding): articles of
// a few sentences, each carrying several events between actors drawn with Zipf-like weights (a few busy dyads, a
// long tail), real CAMEO codes, and days spread over 2000-2024. Deterministic from a seed.
import type { CodedEvent, Document, EventActor, EventDate } from '../document.js';
import { loadResources } from '../lexicon/index.js';
import type { Store } from '../store/store.js';
import { rng } from './corpus.js';

export interface ApiCorpusOptions {
  events: number;
  eventsPerArticle: number;
  seed: number;
}

const ACTORS = ['USA', 'IRN', 'SAU', 'QAT', 'ARE', 'ISR', 'TUR', 'EGY', 'RUS', 'CHN', 'IRQ', 'SYR', 'GBR', 'FRA', 'KWT', 'OMN', 'BHR', 'JOR', 'LBN', 'YEM', 'DEU', 'ORG:UN', 'ORG:EU', 'ORG:GCC', 'ORG:NATO', 'ORG:IAEA'];
const OUTLETS = ['Harbourline News', 'Meridian Daily', 'The Gulf Observer', 'صحيفة المرصد العربي', 'موقع الرصيف الإخباري', 'وكالة الأفق'];
const ARTICLES_PER_SAVE = 250;

/** Index drawn with weight 1/(rank+1): actor 0 is the busiest. */
function zipf(rand: () => number, n: number): number {
  const total = Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < n; i++) {
    x -= 1 / (i + 1);
    if (x <= 0) return i;
  }
  return n - 1;
}

function day(rand: () => number): string {
  const t = Date.UTC(2000, 0, 1) + Math.floor(rand() * 25 * 365) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** What a synthetic report's code carries (a CAMEO table row has it all). */
export interface SyntheticCode {
  code: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number | null;
  plover: string | null;
}

/**
 * One synthetic report, the `sentence`-th of its article, whose text starts at `offset` with the source's id and then,
 * after " and ", the target's (null: no target); the actors are spelled as their ids.
 */
export function syntheticReport(sentence: number, offset: number, text: string, source: string, target: string | null, code: SyntheticCode, date: EventDate): CodedEvent {
  const actor = (id: string, start: number): EventActor => ({ id, cameo: id.replace('ORG:', 'IGO'), role: null, name: id, text: id, start, end: start + id.length });
  return {
    sentence,
    source: actor(source, offset),
    target: target === null ? null : actor(target, offset + source.length + 5),
    code: code.code,
    root: code.root,
    quad: code.quad,
    goldstein: code.goldstein,
    plover: code.plover,
    trigger: { start: offset, end: offset + 1 },
    evidence: { start: offset, end: offset + text.length },
    date,
    attributedTo: null,
    negated: false,
    hypothetical: false,
    confidence: 0.8,
  };
}

export async function writeApiCorpus(store: Store, options: ApiCorpusOptions): Promise<{ articles: number; events: number }> {
  const rand = rng(options.seed);
  const { cameo } = loadResources();
  const codes = cameo.codes().filter((c) => c.code.length >= 3);
  const articles = Math.ceil(options.events / options.eventsPerArticle);
  let written = 0;
  for (let first = 0; first < articles; first += ARTICLES_PER_SAVE) {
    const docs: Document[] = [];
    for (let i = first; i < Math.min(articles, first + ARTICLES_PER_SAVE); i++) {
      const published = day(rand);
      const sentences: string[] = [];
      const events: CodedEvent[] = [];
      let offset = 0;
      for (let k = 0; k < options.eventsPerArticle && written + events.length < options.events; k++) {
        const a = zipf(rand, ACTORS.length);
        let b = zipf(rand, ACTORS.length);
        if (b === a) b = (a + 1 + Math.floor(rand() * (ACTORS.length - 1))) % ACTORS.length;
        const [src = 'USA', tgt = 'IRN'] = [ACTORS[a], ACTORS[b]];
        const code = codes[Math.floor(rand() * codes.length)] ?? codes[0];
        if (!code) throw new Error('the CAMEO table is empty');
        const sentence = `${src} and ${tgt}: report ${i}.${k} of a ${code.name.toLowerCase()} event.`;
        events.push(syntheticReport(k, offset, sentence, src, tgt, code, { value: published, precision: 'day', text: null, basis: 'published' }));
        sentences.push(sentence);
        offset += sentence.length + 1;
      }
      written += events.length;
      const text = sentences.join(' ');
      const outlet = OUTLETS[i % OUTLETS.length] ?? null;
      docs.push({
        text,
        meta: { id: `bench-${i}`, title: `Bench article ${i}`, outlet, published, url: null, lang: i % 2 === 0 ? 'en' : 'ar', origin: 'bench' },
        lang: i % 2 === 0 ? 'en' : 'ar',
        norm: text,
        tokens: [],
        sentences: [],
        mentions: [],
        times: [],
        events,
        attributions: [],
      });
    }
    await store.saveDocuments(docs);
  }
  return { articles, events: written };
}
