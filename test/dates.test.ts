import { describe, expect, it } from 'vitest';
import type { CodedEvent, Document, Lang } from '../src/document.js';
import { emptyDocument } from '../src/document.js';
import { hijriToGregorian } from '../src/dates/calendar.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { loadDateVocabulary } from '../src/lexicon/dates.js';
import { createDater } from '../src/stages/dates.js';
import { normalise } from '../src/stages/normalise.js';
import { segment } from '../src/stages/segment.js';

const dater = createDater(loadDateVocabulary(DEFAULT_DATA_DIR));

function prepare(text: string, lang: Lang, published: string | null): Document {
  const meta = { id: 't', title: null, outlet: null, published, url: null, lang, origin: 'test' };
  return segment(normalise(emptyDocument(text, meta, lang)));
}

function times(text: string, lang: Lang, published: string | null = null): Array<[string, string | null]> {
  const doc = dater(prepare(text, lang, published));
  return doc.times.map((t) => [text.slice(t.start, t.end), t.value]);
}

/** A bare event whose trigger is the first occurrence of `word`. */
function eventAt(doc: Document, word: string): CodedEvent {
  const start = doc.text.indexOf(word);
  const sentence = doc.sentences.findIndex((s) => start >= s.start && start < s.end);
  const span = { start, end: start + word.length };
  return {
    sentence, source: null, target: null, code: '042', root: '04', quad: 1, goldstein: 1.9, plover: null,
    trigger: span, evidence: span, date: { value: null, precision: null, text: null, basis: 'none' },
    attributedTo: null, negated: false, hypothetical: false, confidence: 1,
  };
}

function datesOf(text: string, lang: Lang, published: string | null, words: string[]): CodedEvent['date'][] {
  const doc = prepare(text, lang, published);
  doc.events = words.map((w) => eventAt(doc, w));
  return dater(doc).events.map((e) => e.date);
}

describe('time expressions', () => {
  it('reads Arabic Gregorian dates in both month systems and both digit systems', () => {
    expect(times('زار الوزير القاهرة في ١٧ أيار ١٩٩٩ ثم عاد في مايو عام 2001.', 'ar')).toEqual([
      ['١٧ أيار ١٩٩٩', '1999-05-17'],
      ['مايو عام 2001', '2001-05'],
    ]);
    expect(times('وقعت الاتفاقية في كانون الأول 2014م.', 'ar')).toEqual([['كانون الأول 2014م', '2014-12']]);
  });

  it('reads numeric dates with the era mark, ordinal day words and bare years with م', () => {
    expect(times('بتاريخ 2012/03/05م وقبله في 09/10/2008 وفي 1990م.', 'ar')).toEqual([
      ['2012/03/05م', '2012-03-05'],
      ['09/10/2008', '2008-10-09'],
      ['1990م', '1990'],
    ]);
    expect(times('في الحادي والعشرين من شهر يونيو 2010م', 'ar')).toEqual([['الحادي والعشرين من شهر يونيو 2010م', '2010-06-21']]);
  });

  it('converts Hijri dates and skips year ranges', () => {
    expect(hijriToGregorian(1444, 9, 1)).toEqual({ year: 2023, month: 3, day: 23 });
    expect(times('في 1 رمضان 1444هـ', 'ar')).toEqual([['1 رمضان 1444ه', '2023-03-23']]);
    expect(times('برنامج للفترة 2011-2013م', 'ar')).toEqual([]);
  });

  it('reads English dates and leaves "may" alone without a day or year', () => {
    expect(times('Talks on 2 June 2010 and on July 4, 2011 may resume in 2012.', 'en')).toEqual([
      ['2 June 2010', '2010-06-02'],
      ['July 4, 2011', '2011-07-04'],
      ['2012', '2012'],
    ]);
  });

  it('places relative expressions against publication', () => {
    expect(times('قال يوم الاثنين إن الشهر الماضي شهد في مارس/آذار تقاربا.', 'ar', '2022-06-15')).toEqual([
      ['يوم الاثنين', '2022-06-13'],
      ['الشهر الماضي', '2022-05'],
      ['مارس/آذار', '2022-03'],
    ]);
    expect(times('On Friday the envoy left; yesterday he spoke.', 'en', '2021-01-06')).toEqual([
      ['On Friday', '2021-01-01'],
      ['yesterday', '2021-01-05'],
    ]);
    expect(times('يوم الاثنين', 'ar', null)).toEqual([['يوم الاثنين', null]]);
  });
});

describe('event dates', () => {
  it('takes the date in the same clause, else the sentence, else publication', () => {
    const [a, b, c] = datesOf('Oman hosted talks in 2004, and Qatar sent envoys. Kuwait welcomed it.', 'en', '2020-02-02', [
      'hosted',
      'sent',
      'welcomed',
    ]);
    expect(a).toMatchObject({ value: '2004', basis: 'text' });
    expect(b).toMatchObject({ value: '2004' });
    expect(c).toMatchObject({ value: '2020-02-02', precision: 'day', basis: 'published' });
  });

  it('carries a date to a sentence that points back, and blocks it after "after that"', () => {
    const text = 'اجتمع الطرفان في أكتوبر 2012. وحينها وقعا اتفاقا. وعقب ذلك تبادلا الزيارات.';
    const [carried, blocked] = datesOf(text, 'ar', '2019-01-01', ['وقعا', 'تبادلا']);
    expect(carried).toMatchObject({ value: '2012-10', basis: 'anaphoric' });
    expect(blocked).toMatchObject({ value: null, basis: 'none' });
  });

  it('does not stamp the publication date after a "read also" break', () => {
    const text = 'زار الوزير عمان.\n\nاقرأ أيضاً: استقبل السلطان الضيف.';
    const [before, after] = datesOf(text, 'ar', '2018-04-04', ['زار', 'استقبل']);
    expect(before).toMatchObject({ basis: 'published' });
    expect(after).toMatchObject({ value: null, basis: 'none' });
  });

  it('does not date an event by a future expression', () => {
    const [d] = datesOf('Iran will visit Qatar next year.', 'en', '2024-11-21', ['visit']);
    expect(d).toMatchObject({ value: '2024-11-21', basis: 'published' });
  });
});
