// Several writers at once on one PostgreSQL: each its own pool (as separate processes would be), all saving the
// same articles in different orders and batches. Every article must be stored once and the merged events must be
// those of one writer saving everything alone: no merge lost, none duplicated.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyDocument, type CodedEvent, type Document } from '../src/document.js';
import { goldArticle, readGoldDir } from '../src/eval/gold.js';
import { createPipeline } from '../src/pipeline.js';
import { openStore, type SaveResult, type Store } from '../src/store/store.js';
import { describePostgres, mergeSignature, postgresBackend, type Backend } from './backends.js';

const ROOT = join(import.meta.dirname, '..');
const WRITERS = 4;

function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed;
  const random = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return items.map((item) => ({ item, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.item);
}

const DYADS = [['OMN', 'JOR'], ['QAT', 'IRN'], ['EGY', 'SAU']] as const;

/**
 * Articles retelling the same few events, each in its own words: every report of an event lands in one merge
 * block, so writers storing them at once contend for the same blocks.
 */
function retold(events: number, tellings: number): Document[] {
  const docs: Document[] = [];
  for (let k = 0; k < events; k++) {
    const [source, target] = DYADS[k % DYADS.length] ?? ['OMN', 'JOR'];
    const day = `2022-03-${String(10 + k).padStart(2, '0')}`;
    for (let n = 0; n < tellings; n++) {
      const text = `${source} and ${target} held talks, telling ${n} of story ${k}.`;
      const event: CodedEvent = {
        sentence: 0,
        source: { id: source, cameo: source, role: null, name: source, text: source, start: 0, end: 3 },
        target: { id: target, cameo: target, role: null, name: target, text: target, start: 8, end: 11 },
        code: '043',
        root: '04',
        quad: 1,
        goldstein: 2.8,
        plover: 'CONSULT',
        trigger: { start: 17, end: 22 },
        evidence: { start: 0, end: text.length },
        date: { value: day, precision: 'day', text: null, basis: 'text' },
        attributedTo: null,
        negated: false,
        hypothetical: false,
        confidence: 0.8,
      };
      const doc = emptyDocument(text, { id: `s${k}-${n}`, title: null, outlet: `Outlet ${n}`, published: day, url: null, lang: 'en', origin: `s${k}-${n}.txt` }, 'en');
      doc.events = [event];
      docs.push(doc);
    }
  }
  return docs;
}

async function saveInBatches(store: Store, docs: Document[], batch: number): Promise<SaveResult> {
  const total: SaveResult = { stored: 0, duplicates: 0, events: 0 };
  for (let i = 0; i < docs.length; i += batch) {
    const r = await store.saveDocuments(docs.slice(i, i + batch));
    total.stored += r.stored;
    total.duplicates += r.duplicates;
    total.events += r.events;
  }
  return total;
}

async function withStore<T>(location: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

describePostgres('concurrent writers', (url) => {
  let backend: Backend;
  let docs: Document[];
  let alone: string[];

  beforeAll(async () => {
    backend = postgresBackend(url);
    const pipeline = createPipeline();
    const inputs = [...readGoldDir(join(ROOT, 'eval', 'merge')), ...readGoldDir(join(ROOT, '..', 'shared', 'eval', 'dev'))];
    docs = [...inputs.map((i) => pipeline.run(goldArticle(i))), ...retold(6, 10)];
    alone = await withStore(backend.fresh('alone'), async (store) => {
      await saveInBatches(store, docs, 4);
      return mergeSignature(store);
    });
  });

  afterAll(() => backend.cleanup());

  it(`${WRITERS} writers saving overlapping batches at once store each article once and merge as one writer does`, async () => {
    expect(alone.some((m) => m.split(' ').length >= 3)).toBe(true);
    const shared = backend.fresh('shared');
    // Opened at once, as workers starting together would: they race to create the schema and migrate it.
    const stores = await Promise.all(Array.from({ length: WRITERS }, () => openStore(shared)));
    try {
      // Writer w saves every article (so each one is raced for), in its own order, w + 1 at a time.
      const results = await Promise.all(stores.map((store, w) => saveInBatches(store, shuffled(docs, w + 1), w + 1)));
      expect(results.reduce((n, r) => n + r.stored, 0)).toBe(docs.length);
      expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(docs.length * (WRITERS - 1));
      const [first] = stores;
      if (!first) throw new Error('no store');
      expect(await first.articles({ limit: docs.length + 10 })).toHaveLength(docs.length);
      const reports = (await first.mergedEvents()).reduce((n, m) => n + m.counts.reports, 0);
      expect(reports).toBe((await first.events()).length);
      expect(await mergeSignature(first)).toEqual(alone);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
