import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameDocument, labelOf, loadFramingLexicon, toneToward, type ActorFraming } from '../src/corpus/framing.js';
import { goldArticle, readGoldDir } from '../src/eval/gold.js';
import { createPipeline, type Pipeline } from '../src/pipeline.js';
import { openStore } from '../src/store/store.js';
import { describeBackends } from './backends.js';

let pipeline: Pipeline;

beforeAll(() => {
  pipeline = createPipeline();
});

function frame(text: string, outlet: string | null = null): ActorFraming[] {
  const doc = pipeline.run({ text, meta: { id: 'x', title: null, outlet, published: '2021-05-01', url: null, lang: null, origin: 'x' } });
  return frameDocument(doc);
}

function of(framing: ActorFraming[], actor: string): ActorFraming | undefined {
  return framing.find((f) => f.actor === actor);
}

describe('framing lexicon', () => {
  it('loads both languages with hostile and favourable entries', () => {
    const lexicon = loadFramingLexicon();
    expect(lexicon.negators.has('not')).toBe(true);
    expect(lexicon.negators.has('غير')).toBe(true);
  });
});

describe('framing an article', () => {
  it('reads a pejorative diminutive and a word of blame in Arabic as hostile, with the words kept', () => {
    const text = 'واصلت دويلة قطر تآمرها على جيرانها.';
    const qatar = of(frame(text), 'QAT');
    expect(qatar?.label).toBe('hostile');
    expect(qatar?.evidence.map((w) => w.text)).toEqual(['دويلة', 'تآمرها']);
    for (const w of qatar?.evidence ?? []) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('reads praise and honorifics as favourable', () => {
    expect(of(frame('استقبل الملك ضيفه أمير دولة قطر الشقيقة وأشاد بالعلاقات الأخوية المتميزة.'), 'QAT')?.label).toBe('favourable');
    expect(of(frame('The talks were cordial and fruitful, Oman said after hosting the Iranian delegation.'), 'OMN')?.label).toBe('favourable');
  });

  it('gives an epithet to the actor it stands next to, not to everyone in the sentence', () => {
    const framing = frame('The terrorist Hamas and Qatar met in Doha.');
    expect(of(framing, 'ORG:HAMAS')?.label).toBe('hostile');
    expect(of(framing, 'QAT')?.label).toBe('neutral');
  });

  it('does not count a topic noun as an epithet, nor a negated word', () => {
    expect(of(frame('Qatar and Iran signed a counter-terrorism agreement in Doha.'), 'QAT')).toMatchObject({ label: 'neutral', evidence: [] });
    expect(of(frame('Egypt said Hamas is not a terrorist movement.'), 'ORG:HAMAS')?.evidence).toEqual([]);
  });

  it('scores a word of blame at half weight for the actors of its clause', () => {
    const framing = frame('The malign regime in Tehran threatened Saudi Arabia.');
    expect(of(framing, 'IRN')?.label).toBe('hostile');
    expect(of(framing, 'SAU')?.score).toBe(0);
    expect(toneToward(framing, ['IRN', 'SAU'])).toBeLessThan(0);
    expect(toneToward(framing, ['CHN'])).toBeNull();
    expect(labelOf(0.5)).toBe('favourable');
  });

  it('reads seed 001 as hostile to Qatar and seed 004 (the Qatari embassy) as favourable', () => {
    const inputs = readGoldDir(join(import.meta.dirname, '..', '..', 'shared', 'eval', 'dev'));
    const qatarIn = (doc: string): ActorFraming | undefined => {
      const input = inputs.find((i) => i.gold.doc === doc);
      if (!input) throw new Error(`no ${doc}`);
      return of(frameDocument(pipeline.run(goldArticle(input))), 'QAT');
    };
    expect(qatarIn('seed-001')?.label).toBe('hostile');
    expect(qatarIn('seed-004')?.label).toBe('favourable');
  });
});

describeBackends('framing in the store', (backend) => {
  it('keeps each article\'s framing and averages it per outlet', async () => {
    const store = await openStore(backend.fresh('framing'));
    try {
      const docs = [
        ['a', 'Gulf Voice', 'The rogue regime in Tehran armed the militias again.'],
        ['b', 'Gulf Voice', 'Iran announced a new trade fair in Tehran.'],
        ['c', 'Harbour Review', 'Iran hosted a cordial and fruitful meeting with Oman.'],
      ].map(([id, outlet, text]) => pipeline.run({ text: text as string, meta: { id: id as string, title: null, outlet: outlet as string, published: '2021-05-01', url: null, lang: 'en', origin: id as string } }));
      await store.saveDocuments(docs);
      const perArticle = await store.framing({ actor: 'IRN' });
      expect(perArticle.map((f) => [f.doc, f.label])).toEqual([['a', 'hostile'], ['b', 'neutral'], ['c', 'favourable']]);
      expect(perArticle[0]?.evidence.map((w) => w.text)).toContain('rogue');
      expect(await store.framing({ actor: 'IRN', framedOnly: true })).toHaveLength(2);
      const outlets = await store.outletFraming({ actor: 'IRN' });
      const voice = outlets.find((o) => o.outlet === 'Gulf Voice');
      expect(voice).toMatchObject({ articles: 2, hostile: 1, favourable: 0 });
      expect(voice?.score).toBeCloseTo(((perArticle[0]?.score ?? 0) + (perArticle[1]?.score ?? 0)) / 2, 3);
    } finally {
      await store.close();
    }
  });

  it('lists articles without an outlet first, then outlets in byte order, on every backend', async () => {
    const store = await openStore(backend.fresh('outlets'));
    try {
      const outlets = ['harbour review', 'Harbour Review', null, 'Gulf Voice'];
      await store.saveDocuments(
        outlets.map((outlet, i) => pipeline.run({ text: `Iran hosted a cordial meeting with Oman, report ${i}.`, meta: { id: `o${i}`, title: null, outlet, published: '2021-05-01', url: null, lang: 'en', origin: `o${i}` } })),
      );
      expect((await store.outletFraming({ actor: 'IRN' })).map((o) => o.outlet)).toEqual([null, 'Gulf Voice', 'Harbour Review', 'harbour review']);
    } finally {
      await store.close();
    }
  });
});
