// When ingestPaths defers the query-only indexes (bulk mode) and builds them again: only for a batch that stores,
// always at the end (a failing batch included), and in 'auto' only for an input large next to the store.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Coder } from '../src/cli/coding-pool.js';
import { ingestPaths } from '../src/cli/ingest.js';
import { emptyDocument } from '../src/document.js';
import { openStore, type Store } from '../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'rasad-ingest-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Codes nothing (no events), fails on BOOM. */
const coder: Coder = {
  code: (article) => (article.text.includes('BOOM') ? Promise.reject(new Error('stage exploded')) : Promise.resolve(emptyDocument(article.text, article.meta, 'en'))),
  close: () => Promise.resolve(),
};

function jsonl(name: string, texts: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, texts.map((text, i) => JSON.stringify({ id: `${name}-${i}`, text, lang: 'en' })).join('\n') + '\n');
  return path;
}

/** The store with its index calls counted, in the order they came. */
function spied(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const defer = store.deferQueryIndexes?.bind(store);
  const restore = store.restoreQueryIndexes?.bind(store);
  const save = store.saveDocuments.bind(store);
  store.deferQueryIndexes = () => (calls.push('defer'), defer ? defer() : Promise.resolve(0));
  store.restoreQueryIndexes = () => (calls.push('restore'), restore ? restore() : Promise.resolve(0));
  store.saveDocuments = (docs) => (calls.push('save'), save(docs));
  return { store, calls };
}

describe('ingestPaths bulk mode', () => {
  let store: Store;
  let calls: string[];
  beforeEach(async () => {
    ({ store, calls } = spied(await openStore(join(dir, `${Math.random().toString(36).slice(2)}.db`))));
  });
  afterEach(() => store.close());

  it('defers at the first batch that stores and builds the indexes again at the end', async () => {
    const file = jsonl('three.jsonl', ['Oman met Jordan.', 'Qatar met Iran.', 'Iran met Oman.']);
    const summary = await ingestPaths(store, [file], { batch: 2, bulk: true }, coder);
    expect(summary).toMatchObject({ stored: 3, errors: 0 });
    expect(calls).toEqual(['defer', 'save', 'save', 'restore']);
  });

  it('does not touch the indexes when every article is stored already', async () => {
    const file = jsonl('again.jsonl', ['Oman met Jordan.', 'Qatar met Iran.']);
    await ingestPaths(store, [file], { batch: 2, bulk: false }, coder);
    calls.length = 0;
    const summary = await ingestPaths(store, [file], { batch: 2, bulk: true }, coder);
    expect(summary).toMatchObject({ stored: 0, duplicates: 2 });
    expect(calls).toEqual([]);
  });

  it('builds them again after a batch that failed', async () => {
    const file = jsonl('failing.jsonl', ['Oman met Jordan.', 'Qatar met Iran.']);
    const save = store.saveDocuments.bind(store);
    store.saveDocuments = (docs) => (docs.length > 1 ? Promise.reject(new Error('disk full')) : save(docs));
    const summary = await ingestPaths(store, [file], { batch: 2, bulk: true }, coder);
    expect(summary.errors).toBe(2);
    expect(calls).toEqual(['defer', 'restore']);
  });

  it("'auto' leaves a small input's indexes alone", async () => {
    const file = jsonl('small.jsonl', ['Oman met Jordan.', 'Qatar met Iran.', 'BOOM']);
    const summary = await ingestPaths(store, [file], { batch: 2 }, coder);
    expect(summary).toMatchObject({ stored: 2, errors: 1 });
    expect(calls).toEqual(['save']);
  });
});
