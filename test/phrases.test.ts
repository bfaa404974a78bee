import { describe, expect, it } from 'vitest';
import { PhraseMatcher, type WordKeys } from '../src/lexicon/phrases.js';
import { normalise } from '../src/stages/normalise.js';
import { segment } from '../src/stages/segment.js';
import { emptyDocument, type Token } from '../src/document.js';

function tokensOf(text: string): Token[] {
  const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang: null, origin: 't' };
  return segment(normalise(emptyDocument(text, meta, 'en'))).tokens;
}

describe('PhraseMatcher over folded keys', () => {
  const m = new PhraseMatcher<string>();
  m.add('last week', 'week');
  m.add('last', 'last');
  m.add('الأسبوع الماضي', 'ar-week');

  it('takes the longest phrase at a position and says how many tokens it covers', () => {
    expect(m.match(['since', 'last', 'week'], 1)).toEqual({ value: 'week', length: 2 });
    expect(m.match(['last', 'year'], 0)).toEqual({ value: 'last', length: 1 });
    expect(m.match(['since', 'last'], 0)).toBeNull();
  });

  it('folds phrases the way text is folded', () => {
    const keys = tokensOf('خلال الاسبوع الماضى').map((t) => t.norm);
    expect(m.match(keys, 1)).toEqual({ value: 'ar-week', length: 2 });
    expect(m.size).toBe(3);
    expect(m.has('last')).toBe(true);
    expect(m.has('week')).toBe(false);
    expect([...m.firsts()]).toEqual(['last', 'الاسبوع']);
  });
});

describe('PhraseMatcher over custom word keys', () => {
  // Keys that drop a plural -s, so "talks" meets "talk".
  const singular: WordKeys = {
    phrase: (p) => p.toLowerCase().split(' ').map((w) => w.replace(/s$/, '')),
    token: (norm) => [norm.replace(/s$/, '')],
  };
  const m = new PhraseMatcher<number>(singular);
  m.add('peace talks', 1);
  m.add('talk', 2);

  it('finds non-overlapping matches, longest first, read through the keys', () => {
    const tokens = tokensOf('New peace talk and more talks');
    expect(m.matchAll(tokens)).toEqual([
      { value: 1, first: 1, last: 2 },
      { value: 2, first: 5, last: 5 },
    ]);
  });

  it('lets punctuation break a phrase and respects the range', () => {
    const tokens = tokensOf('peace, talks');
    expect(m.matchAll(tokens)).toEqual([{ value: 2, first: 2, last: 2 }]);
    expect(m.matchAll(tokensOf('peace talks'), 0, 1)).toEqual([]);
  });
});
