// Sentences that name no actor: the event stage codes them only when they tell a protest (protesters implied)
// or violence told without actors; any other act with nobody named is no event (and is not worked on further).
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/document.js';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();

function codes(text: string, lang: Lang): string[] {
  const doc = pipeline.run({ text, meta: { id: 't', title: null, outlet: null, published: '2021-03-02', url: null, lang, origin: 't' } });
  expect(doc.mentions.filter((m) => m.actors.length > 0)).toHaveLength(0);
  return doc.events.map((e) => `${e.code} ${e.source?.cameo ?? '-'}>${e.target?.cameo ?? '-'}`);
}

describe('sentences with no actor named', () => {
  it('still code violence told without actors', () => {
    expect(codes('A car bomb exploded near a busy market on Sunday, police said.', 'en')).toEqual(['1832 ->-']);
    expect(codes('انفجرت سيارة مفخخة قرب سوق شعبي صباح الأحد.', 'ar')).toEqual(['1832 ->-']);
  });

  it('still code a protest by the protesters it implies', () => {
    expect(codes('Thousands of people demonstrated in the streets after Friday prayers.', 'en')).toEqual(['141 ---CVL>-']);
    expect(codes('تظاهر الآلاف في الشوارع بعد صلاة الجمعة.', 'ar')).toEqual(['141 ---CVL>-']);
  });

  it('code no other act', () => {
    expect(codes('The talks were held behind closed doors on Monday.', 'en')).toEqual([]);
    expect(codes('عقدت المحادثات خلف أبواب مغلقة يوم الاثنين.', 'ar')).toEqual([]);
  });
});
