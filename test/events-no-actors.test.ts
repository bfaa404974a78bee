// Sentences that name no actor: the event stage codes them only when they tell a protest (protesters implied)
// or violence told without actors; any other act with nobody named is no event (and is not worked on further).
import { describe, expect, it } from 'vitest';
import { emptyDocument, type Lang } from '../src/document.js';
import { quietSentence } from '../src/events/quiet.js';
import { loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';
import { createActorResolver } from '../src/stages/actors.js';
import { createMentionFinder } from '../src/stages/mentions.js';
import { normalise } from '../src/stages/normalise.js';
import { segment } from '../src/stages/segment.js';

const pipeline = createPipeline();
const resources = loadResources();
const findMentions = createMentionFinder(resources.actors, resources.people);
const resolveActors = createActorResolver(resources.actors);

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

describe('quiet sentences', () => {
  const quiet = (text: string, lang: Lang): boolean[] => {
    const meta = { id: 't', title: null, outlet: null, published: '2021-03-02', url: null, lang, origin: 't' };
    const doc = resolveActors(findMentions(segment(normalise(emptyDocument(text, meta, lang)))));
    const patterns = lang === 'ar' ? resources.events.ar : resources.events.en;
    return doc.sentences.map((s) => quietSentence(doc, s, doc.tokens.filter((t) => t.sentence === s.index), patterns, resources.events));
  };

  it('are those with no actor named and no word that may start a protest or violence', () => {
    expect(quiet('The weather stayed mild and sunny on Monday. Qatar hosted the talks. A car bomb exploded on Sunday.', 'en')).toEqual([true, false, false]);
    expect(quiet('كان الطقس معتدلا ومشمسا يوم الاثنين. استضافت قطر المحادثات. انفجرت سيارة مفخخة صباح الأحد.', 'ar')).toEqual([true, false, false]);
  });
});
