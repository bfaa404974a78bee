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

describe('more date forms', () => {
  it('reads the slash date with the era mark and the past-days span against a month-only publication', () => {
    expect(times('وصل الوفد بتاريخ 2006/11/17م.', 'ar')).toEqual([['2006/11/17م', '2006-11-17']]);
    expect(times('زار الوفد الكويت خلال الأيام الثلاثة الماضية.', 'ar', '2019-11')).toEqual([['الأيام الثلاثة الماضية', '2019-11']]);
  });

  it('places a month without a year by its modifier', () => {
    expect(times('وقع الاتفاق في مارس الماضي، ويزور الوفد عمان في مايو المقبل.', 'ar', '2024-03-10')).toEqual([
      ['مارس الماضي', '2023-03'],
      ['مايو المقبل', '2024-05'],
    ]);
    expect(times('اجتمعا في نوفمبر من العام الماضي.', 'ar', '2024-03-10')).toEqual([['نوفمبر من العام الماضي', '2023-11']]);
    expect(times('They met last March and again in March last year.', 'en', '2024-05-01')).toEqual([
      ['March', '2024-03'],
      ['March last year', '2023-03'],
    ]);
  });

  it('takes a bare English month only when it reads as one', () => {
    expect(times('Talks began in March, paused in May and resumed in June; Theresa May said they may end. Nobody will march.', 'en', '2024-11-21')).toEqual([
      ['March', '2024-03'],
      ['May', '2024-05'],
      ['June', '2024-06'],
    ]);
  });

  it('counts days, weeks and years back from publication, but not "before" something else', () => {
    expect(times('وصل قبل يومين، وغادر منذ ثلاثة أسابيع، ووقع الاتفاق قبل عامين.', 'ar', '2024-11-21')).toEqual([
      ['قبل يومين', '2024-11-19'],
      ['منذ ثلاثة أسابيع', '2024-10'],
      ['قبل عامين', '2022'],
    ]);
    expect(times('وصل قبل ثلاثة أيام من الانتخابات.', 'ar', '2024-11-21')).toEqual([]);
    expect(times('He left two days ago.', 'en', '2024-11-21')).toEqual([['two days ago', '2024-11-19']]);
  });

  it('reads a named episode only where it governs the clause, and its head as the last one named', () => {
    expect(times('ناقش الوزيران الأزمة الخليجية. ومع بداية الأزمة طلبت الكويت المساعدة.', 'ar', '2020-01-01')).toEqual([
      ['ومع بداية الأزمة', '2017-06'],
    ]);
    expect(times('During the Gulf crisis, Kuwait mediated.', 'en', '2020-01-01')).toEqual([['During the Gulf crisis', '2017-06']]);
    expect(times('ومع بداية الأزمة طلبت الكويت المساعدة.', 'ar', '2020-01-01')).toEqual([]);
  });
});

describe('weekday modifiers and bare years', () => {
  it('last / next weekday is strictly before / after publication', () => {
    // 2024-11-21 is a Thursday.
    expect(times('التقيا الخميس الماضي ويلتقيان الخميس المقبل.', 'ar', '2024-11-21')).toEqual([
      ['الخميس الماضي', '2024-11-14'],
      ['الخميس المقبل', '2024-11-28'],
    ]);
    expect(times('They met last Thursday; Iran said Tuesday it agreed.', 'en', '2024-11-21')).toEqual([
      ['Thursday', '2024-11-14'],
      ['Tuesday', '2024-11-19'],
    ]);
  });

  it('a weekday followed by its date is that date, not a weekday against publication', () => {
    expect(times('On Monday, March 3, 2003, the envoys met.', 'en', '2024-11-21')).toEqual([['On Monday, March 3, 2003', '2003-03-03']]);
    expect(times('وصل الوفد يوم الخميس الموافق 12 أكتوبر 2017.', 'ar', '2024-11-21')).toEqual([['يوم الخميس الموافق 12 أكتوبر 2017', '2017-10-12']]);
  });

  it('a four-digit count is not a year', () => {
    expect(times('نشرت الكويت 2000 جندي في 2015 وسحبتهم عام 2016.', 'ar')).toEqual([
      ['2015', '2015'],
      ['عام 2016', '2016'],
    ]);
    expect(times('Oman sent 1900 troops; the 2011 uprising ended.', 'en')).toEqual([['2011', '2011']]);
  });
});

describe('which date governs an event', () => {
  it('each event takes the date nearest to it in the sentence', () => {
    const [a, b] = datesOf('Khatami visited Kuwait in May 1999 and Ahmadinejad attended the summit in 2007.', 'en', '2020-01-01', ['visited', 'attended']);
    expect(a).toMatchObject({ value: '1999-05', basis: 'text' });
    expect(b).toMatchObject({ value: '2007', basis: 'text' });
  });

  it('a date in a clause with its own (uncoded) predicate stays there; a date-only clause joins its neighbour', () => {
    const text = 'وقعت الكويت اتفاقا في 2014م، وسمحت لعمان بالتدريب، حيث التقى في أكتوبر 2015 قادة الجيشين.';
    const [signed, allowed] = datesOf(text, 'ar', '2020-01-01', ['وقعت', 'وسمحت']);
    expect(signed).toMatchObject({ value: '2014' });
    expect(allowed).toMatchObject({ value: '2014' });
    const [visited] = datesOf('زار أمير الكويت مسقط، في 23 ديسمبر 2010، والتقى السلطان.', 'ar', '2020-01-01', ['زار']);
    expect(visited).toMatchObject({ value: '2010-12-23' });
  });

  it('a blocker inside the sentence keeps an earlier date from what follows it', () => {
    const [a, b] = datesOf('زار الوزير الكويت في مايو 2001، وعقب ذلك دعم الأردن الاتفاق.', 'ar', '2020-01-01', ['زار', 'دعم']);
    expect(a).toMatchObject({ value: '2001-05' });
    expect(b).toMatchObject({ value: null, basis: 'none' });
  });

  it('a future clause places a bare month or weekday forward, so it is not the event date', () => {
    const [visit] = datesOf('Iran will host the talks in March.', 'en', '2024-11-21', ['host']);
    expect(visit).toMatchObject({ value: '2024-11-21', basis: 'published' });
    expect(times('The ministers will meet on Thursday.', 'en', '2024-11-21')).toEqual([['on Thursday', '2024-11-28']]);
    expect(times('The ministers met on Thursday.', 'en', '2024-11-21')).toEqual([['on Thursday', '2024-11-21']]);
    const [arabic] = datesOf('وقال إن الوزير سوف يزور الكويت في مارس.', 'ar', '2024-11-21', ['يزور']);
    expect(arabic).toMatchObject({ basis: 'published' });
  });

  it('a sentence that points back ("in light of that") takes the previous paragraph’s date across blank lines', () => {
    const text = 'ومع بداية الأزمة الخليجية طلبت قطر المساعدة.\n\n\n\nفي ضوء ذلك، أرسلت الكويت شحنة غذائية.';
    const [sent] = datesOf(text, 'ar', '2020-01-01', ['أرسلت']);
    expect(sent).toMatchObject({ value: '2017-06', basis: 'anaphoric' });
  });

  it('a list lead-in ending with a colon takes the date of its first item', () => {
    const text = 'واستضافت الكويت ثلاثة اجتماعات هي:\n\n• اجتماع عقد في مارس 2012م.\n\n• اجتماع عقد في مايو 2013م.';
    const [hosted] = datesOf(text, 'ar', null, ['واستضافت']);
    expect(hosted).toMatchObject({ value: '2012-03', basis: 'anaphoric' });
    const [plain] = datesOf('واستضافت الكويت الاجتماع.\n\nوعقد اجتماع في مارس 2012م.', 'ar', null, ['واستضافت']);
    expect(plain).toMatchObject({ value: null, basis: 'none' });
  });

  it('relative weekday and "last month" in English', () => {
    const [met, signed] = datesOf('On Wednesday, the two ministers met in Doha. Last month they signed a deal.', 'en', '2024-11-21', ['met', 'signed']);
    expect(met).toMatchObject({ value: '2024-11-20', basis: 'relative' });
    expect(signed).toMatchObject({ value: '2024-10', precision: 'month', basis: 'relative' });
  });
});
