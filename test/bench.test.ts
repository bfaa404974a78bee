import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, generateArticle, generateCorpus, writeCorpus } from '../src/bench/corpus.js';
import { PassMeter, type PassResult } from '../src/bench/measure.js';
import { passTable, targetLines } from '../src/bench/report.js';
import type { Document } from '../src/document.js';
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

describe('bench report', () => {
  const pass = (name: string, articles: number, wallSeconds: number, cpuSeconds: number): PassResult => ({
    name, articles, sentences: articles * 40, events: articles * 2, wallSeconds, cpuSeconds, peakHeapMb: 120.4, peakRssMb: 250.6,
  });

  it('prints one aligned row per pass with its rates and peak memory', () => {
    const lines = passTable([pass('bare', 1000, 0.5, 0.5), pass('code', 1000, 4, 2.5)]);
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    const code = lines[2]?.trim().split(/\s+/) ?? [];
    // pass, articles, wall s, articles/s, sentences/s, CPU s, articles/CPU-s, events, heap, RSS
    expect(code).toEqual(['code', '1000', '4.00', '250', '10000', '2.50', '400', '2000', '120', '251']);
  });

  it('judges the targets by wall and by CPU time separately', () => {
    const [rate, ratio] = targetLines(pass('code', 1000, 4, 2.5), pass('bare', 1000, 0.5, 0.5));
    expect(rate).toContain('250 articles/s wall, 400 per CPU-second');
    expect(rate).toContain('NOT met by wall time, met by CPU time');
    expect(ratio).toContain('code/bare 8.00 wall, 5.00 CPU');
    expect(ratio).toContain('NOT met by wall time, NOT met by CPU time');
    const [, good] = targetLines(pass('code', 1000, 1.5, 1.5), pass('bare', 1000, 0.5, 0.5));
    expect(good).toContain('met by wall time, met by CPU time');
    expect(good).not.toContain('NOT');
  });

  it('measures a pass: counts, and time and memory that are positive', () => {
    const meter = new PassMeter('code');
    const doc = { sentences: [{}, {}, {}], events: [{}] } as unknown as Document;
    for (let i = 0; i < 150; i++) meter.add(doc);
    const r = meter.finish();
    expect([r.name, r.articles, r.sentences, r.events]).toEqual(['code', 150, 450, 150]);
    expect(r.wallSeconds).toBeGreaterThan(0);
    expect(r.cpuSeconds).toBeGreaterThanOrEqual(0);
    expect(r.peakRssMb).toBeGreaterThan(r.peakHeapMb);
  });
});
