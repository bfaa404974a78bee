import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, generateArticle, generateCorpus, writeCorpus } from '../src/bench/corpus.js';
import { AR } from '../src/bench/templates-ar.js';
import { EN } from '../src/bench/templates-en.js';

describe('bench corpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = [...generateCorpus({ n: 6, words: 200, seed: 7 })];
    const b = [...generateCorpus({ n: 6, words: 200, seed: 7 })];
    const c = [...generateCorpus({ n: 6, words: 200, seed: 8 })];
    expect(a).toEqual(b);
    expect(a.map((x) => x.text)).not.toEqual(c.map((x) => x.text));
    expect(generateArticle(3, { n: 6, words: 200, seed: 7 })).toEqual(a[3]);
  });

  it('is half Arabic, half English', () => {
    const langs = [...generateCorpus({ n: 100, words: 100, seed: 1 })].map((x) => x.lang);
    expect(langs.filter((l) => l === 'ar')).toHaveLength(50);
    expect(langs.filter((l) => l === 'en')).toHaveLength(50);
    const arabic = generateArticle(0, { n: 1, words: 100, seed: 1 });
    expect(arabic.text).toMatch(/[\u0600-\u06ff]/);
  });

  it('writes articles near the requested word count', () => {
    for (const article of generateCorpus({ n: 40, words: 600, seed: 3 })) {
      const words = countWords(article.text);
      expect(words).toBeGreaterThanOrEqual(600);
      expect(words).toBeLessThan(660);
    }
  });

  it('varies its sentences and fills every slot', () => {
    expect(EN.events.length).toBeGreaterThanOrEqual(40);
    expect(AR.events.length).toBeGreaterThanOrEqual(40);
    const article = generateArticle(1, { n: 2, words: 600, seed: 5 });
    const sentences = article.text.split(/(?<=\.)\s+/);
    expect(new Set(sentences).size).toBeGreaterThan(sentences.length * 0.8);
    expect(article.text).not.toMatch(/\{[A-Z]+\}/);
    expect(article.title).not.toMatch(/\{[A-Z]+\}/);
  });

  it('writes one JSON article per line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasad-bench-test-'));
    try {
      const path = join(dir, 'c.jsonl');
      await writeCorpus(path, { n: 10, words: 50, seed: 2 });
      const lines = readFileSync(path, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(10);
      const first = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
      expect(Object.keys(first).sort()).toEqual(['id', 'lang', 'outlet', 'published', 'text', 'title']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
