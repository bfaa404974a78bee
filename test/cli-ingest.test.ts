// ingestPaths in process, with a stand-in coder: duplicates, coder failures and a failing batch.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDocument, type CodedEvent, type Document } from '../src/document.js';
import type { InputError } from '../src/io/read.js';
import type { Pipeline } from '../src/pipeline.js';
import type { Coder } from '../src/cli/coding-pool.js';
import { ingestPaths } from '../src/cli/ingest.js';
import { openStore, type Store } from '../src/store/store.js';

const BATCH_FILE = join(import.meta.dirname, 'fixtures', 'io', 'ingest', 'batch.jsonl');

const IDS: Record<string, string> = { Oman: 'OMN', Jordan: 'JOR', Qatar: 'QAT', Iran: 'IRN' };

function signing(text: string, quad: number): CodedEvent {
  const [source = 'X', target = 'Y'] = [...text.matchAll(/\b(Oman|Jordan|Qatar|Iran)\b/g)].map((m) => IDS[m[1] ?? ''] ?? 'X');
  const actor = (id: string) => ({ id, cameo: id, role: null, name: id, text: id, start: 0, end: 3 });
  return {
    sentence: 0, source: actor(source), target: actor(target), code: '057', root: '05', quad: quad as 1, goldstein: 8, plover: null,
    trigger: { start: 0, end: 1 }, evidence: { start: 0, end: text.length },
    date: { value: null, precision: null, text: null, basis: 'none' }, attributedTo: null, negated: false, hypothetical: false, confidence: 0.9,
  };
}

/** Codes "signed" as 057, throws on BOOM, and makes a row the store must refuse on CORRUPT. */
const fakePipeline: Pipeline = {
  stageNames: ['fake'],
  run(article): Document {
    if (article.text.includes('BOOM')) throw new Error('stage exploded');
    const doc = emptyDocument(article.text, article.meta, article.meta.lang ?? 'en');
    if (article.text.includes('signed')) doc.events = [signing(article.text, 1)];
    if (article.text.includes('CORRUPT')) doc.events = [signing(article.text, 9)];
    return doc;
  },
};

/** The same coder as a pool would be: each article comes back later, the later ones first. */
function lateCoder(): Coder & { calls: number } {
  let left = 100;
  const coder = {
    calls: 0,
    code(article: Parameters<Coder['code']>[0]): Promise<Document> {
      coder.calls++;
      const wait = left--;
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          try {
            resolve(fakePipeline.run(article));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        }, wait % 7),
      );
    },
    close: () => Promise.resolve(),
  };
  return coder;
}

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('ingestPaths', () => {
  it('skips duplicates, reports coder and batch failures, and keeps the other batches', async () => {
    const errors: InputError[] = [];
    const summary = await ingestPaths(store, [BATCH_FILE], { batch: 2, onError: (e) => errors.push(e) }, fakePipeline);
    // Batches of 2 new articles: [s1, s2] stored, [bad, s3] rolled back together.
    expect(summary).toEqual({ read: 6, stored: 2, duplicates: 1, events: 2, errors: 3 });
    expect(errors.map((e) => e.origin.split(':').pop())).toEqual(['3', '5', '6']);
    expect(errors[0]?.message).toMatch(/could not be coded: stage exploded/);
    expect(errors[1]?.message).toMatch(/rolled back/);
    expect((await store.articles()).map((a) => a.doc)).toEqual(['s1', 's2']);
    expect(await store.dyadSummary()).toEqual([{ a: 'JOR', b: 'OMN', events: 2, goldstein: 16, cooperation: 2, conflict: 0 }]);
  });

  it('stores the rest on a second run once the bad article is gone', async () => {
    await ingestPaths(store, [BATCH_FILE], { batch: 2 }, fakePipeline);
    const again = await ingestPaths(store, [BATCH_FILE], { batch: 1 }, fakePipeline);
    // s3 now goes in on its own; the CORRUPT one fails alone.
    expect(again).toMatchObject({ stored: 1, duplicates: 3, errors: 2 });
  });

  it('keeps input order, errors and duplicates when articles are coded out of order', async () => {
    const errors: InputError[] = [];
    const coder = lateCoder();
    const summary = await ingestPaths(store, [BATCH_FILE], { batch: 2, onError: (e) => errors.push(e) }, coder);
    expect(summary).toEqual({ read: 6, stored: 2, duplicates: 1, events: 2, errors: 3 });
    // The copy of s1 is known as a duplicate before it is coded.
    expect(coder.calls).toBe(5);
    expect(errors.map((e) => e.origin.split(':').pop())).toEqual(['3', '5', '6']);
    expect(errors[0]?.message).toMatch(/could not be coded: stage exploded/);
    expect((await store.articles()).map((a) => a.doc)).toEqual(['s1', 's2']);
  });
});
