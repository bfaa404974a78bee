// The gazetteer (data/actors/places.json): English place names are mentions of their state, matched only when
// capitalised; Arabic names locate events; every state code it uses is a known state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadResources } from '../src/lexicon/index.js';
import { createPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();
const run = (text: string, lang: 'ar' | 'en') =>
  pipeline.run({ text, meta: { id: 't', title: null, outlet: null, published: '2024-01-01', url: null, lang, origin: 't' } });

describe('places gazetteer', () => {
  it('reads as a mention of its state, kind place', () => {
    const d = run('Shelling hit Aleppo, and Kandahar was quiet.', 'en');
    expect(d.mentions.map((m) => `${m.kind}:${m.actors[0]?.id ?? '?'}`)).toEqual(['place:SYR', 'place:AFG']);
    // With a kind noun before it, the place names that sector of its state.
    expect(run('Residents of Aleppo and a court in Kandahar were named.', 'en').mentions.map((m) => m.actors[0]?.cameo)).toEqual(['SYRCVL', 'AFGJUD']);
  });

  it('matches only capitalised: a common word is not a place', () => {
    const d = run('The convoy crossed the sinai desert road near the station.', 'en');
    expect(d.mentions.filter((m) => m.kind === 'place')).toEqual([]);
  });

  it('lists known states only, each name once per language, none that is also a capital or state name', () => {
    const file = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'places.json'), 'utf8')) as {
      places: Record<string, { en: string[]; ar: string[] }>;
    };
    const states = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'actors', 'states.json'), 'utf8')) as Array<{ id: string; en: string[]; capEn: string[] }>;
    const known = new Set(states.map((s) => s.id));
    const stateNames = new Set(states.flatMap((s) => [...s.en, ...s.capEn]));
    const seen = new Set<string>();
    for (const [id, place] of Object.entries(file.places)) {
      expect(known.has(id), id).toBe(true);
      for (const n of place.en) {
        expect(seen.has(n), n).toBe(false);
        expect(stateNames.has(n), n).toBe(false);
        seen.add(n);
      }
    }
  });

  it('gives its Arabic names to the event place finder', () => {
    const lex = loadResources().events.unidentified;
    expect(lex.places.get('البصره')?.[0]?.state.id).toBe('IRQ');
  });
});
