import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../src/document.js';
import { foldKey, foldText, IGNORABLE, normalise } from '../src/stages/normalise.js';
import { segment, tokenise } from '../src/stages/segment.js';

const meta = { id: 't', title: null, outlet: null, published: null, url: null, lang: null, origin: 'test' };

describe('normalise', () => {
  it('folds alef/hamza, ya, ta marbuta and digits one character for one', () => {
    const text = 'أحمدى الإيرانية ٢٠١٥ ۱۹۹۹ مؤتمر';
    const folded = foldText(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('احمدي الايرانيه 2015 1999 موتمر');
  });

  it('marks diacritics, tatweel and bidi controls ignorable but keeps offsets', () => {
    const text = 'قَطَـر\u200f';
    const folded = foldText(text);
    expect(folded).toHaveLength(text.length);
    expect(folded.split(IGNORABLE).join('')).toBe('قطر');
    expect(foldKey(text)).toBe('قطر');
  });

  it('lower-cases Latin and straightens quotes', () => {
    expect(foldText('Iran’s “Emir”')).toBe('iran\'s "emir"');
  });

  it('keeps every UTF-16 unit in place: surrogate pairs, lone surrogates, a leading BOM, long texts', () => {
    expect(foldText('Qatar 🇶🇦 قطر')).toBe('qatar 🇶🇦 قطر');
    const lone = 'A\ud83dB\ude00';
    expect(foldText(lone)).toBe('a\ud83db\ude00');
    expect(foldText('\ufeffIran')).toBe(`${IGNORABLE}iran`);
    const long = 'إيران وقطر '.repeat(3000);
    expect(foldText(long)).toBe('ايران وقطر '.repeat(3000));
    expect(foldText(`${long}\ud800`)).toHaveLength(long.length + 1);
  });
});

describe('segment', () => {
  const run = (text: string, lang: 'ar' | 'en') => segment(normalise(emptyDocument(text, meta, lang)));

  it('splits English sentences but not at abbreviations or decimals', () => {
    const doc = run('The U.S. envoy met Mr. Smith on Jan. 5. Trade rose 3.5 percent. Talks ended.', 'en');
    expect(doc.sentences.map((s) => doc.text.slice(s.start, s.end))).toEqual([
      'The U.S. envoy met Mr. Smith on Jan. 5.',
      'Trade rose 3.5 percent.',
      'Talks ended.',
    ]);
  });

  it('splits Arabic sentences at ؟ and . and lines, clauses at ، and chaining words', () => {
    const doc = run('زار الأمير طهران، ثم التقى الرئيس. هل تم الاتفاق؟\nعنوان آخر', 'ar');
    expect(doc.sentences).toHaveLength(3);
    const first = doc.sentences[0]!;
    expect(first.clauses.map((c) => doc.text.slice(c.start, c.end).trim())).toEqual(['زار الأمير طهران،', 'ثم التقى الرئيس.']);
  });

  it('tokens keep original offsets and split digits from letters', () => {
    const text = 'في 1995م وال15';
    const tokens = tokenise(foldText(text));
    expect(tokens.map((t) => t.norm)).toEqual(['في', '1995', 'م', 'وال', '15']);
    for (const t of tokens) expect(foldKey(text.slice(t.start, t.end))).toBe(t.norm);
  });
});
