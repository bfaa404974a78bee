// The date scanner's pre-check: a sentence it passes over must be one the full scan finds nothing in.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/document.js';
import { emptyDocument } from '../src/document.js';
import { mayHoldDate, scanSentence } from '../src/dates/scan.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { loadDateVocabulary } from '../src/lexicon/dates.js';
import { normalise } from '../src/stages/normalise.js';
import { segment } from '../src/stages/segment.js';

const vocabulary = loadDateVocabulary(DEFAULT_DATA_DIR);

function tokensOf(text: string, lang: Lang) {
  const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang, origin: 'test' };
  return segment(normalise(emptyDocument(text, meta, lang))).tokens;
}

describe('mayHoldDate', () => {
  it('passes over sentences with no date word, marker or number', () => {
    for (const [text, lang] of [['Delegations discussed trade and energy.', 'en'], ['بحث الوفد التعاون التجاري.', 'ar']] as const) {
      const tokens = tokensOf(text, lang);
      expect(mayHoldDate(tokens, vocabulary, lang === 'ar')).toBe(false);
      expect(scanSentence(tokens, vocabulary, lang === 'ar', text).found).toEqual([]);
    }
  });

  it('keeps sentences with a weekday, a clitic-prefixed month, a number or a future marker', () => {
    const cases: Array<[string, Lang]> = [
      ['The minister arrived on Monday.', 'en'],
      ['وصل الوزير بمارس الماضي.', 'ar'],
      ['They met 3 times.', 'en'],
      ['The talks will resume.', 'en'],
    ];
    for (const [text, lang] of cases) expect(mayHoldDate(tokensOf(text, lang), vocabulary, lang === 'ar')).toBe(true);
  });

  it('looks only at tokens[from, to)', () => {
    const tokens = tokensOf('Ministers arrived Monday.', 'en');
    const monday = tokens.findIndex((t) => t.norm === 'monday');
    expect(mayHoldDate(tokens, vocabulary, false, 0, monday)).toBe(false);
    expect(mayHoldDate(tokens, vocabulary, false, monday, monday + 1)).toBe(true);
  });
});
