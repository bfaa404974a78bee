import { describe, expect, it } from 'vitest';
import { emptyDocument, type CodedEvent, type Document, type EventActor } from '../src/document.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { loadPeople } from '../src/lexicon/people.js';
import { createTenureSettler } from '../src/stages/tenure.js';
import { createPipeline } from '../src/pipeline.js';

const settle = createTenureSettler(loadPeople(DEFAULT_DATA_DIR));

function docWith(text: string, name: string, person: string, date: string | null): Document {
  const start = text.indexOf(name);
  const end = start + name.length;
  const doc = emptyDocument(text, { id: 't', title: null, outlet: null, published: null, url: null, lang: 'en', origin: 't' }, 'en');
  doc.mentions.push({ kind: 'person', start, end, sentence: 0, entry: person, actors: [] });
  const src: EventActor = { id: 'XXX', cameo: 'XXX', role: null, name: '?', text: name, start, end };
  const tgt: EventActor = { id: 'KWT', cameo: 'KWT', role: null, name: 'Kuwait', text: 'Kuwait', start: text.indexOf('Kuwait'), end: text.indexOf('Kuwait') + 6 };
  const ev: CodedEvent = {
    sentence: 0, source: src, target: tgt, code: '042', root: '04', quad: 1, goldstein: 1.9, plover: null,
    trigger: { start: 0, end: 1 }, evidence: { start: 0, end: text.length },
    date: { value: date, precision: date ? 'year' : null, text: null, basis: date ? 'text' : 'none' },
    attributedTo: null, negated: false, hypothetical: false, confidence: 1,
  };
  doc.events.push(ev);
  return doc;
}

describe('tenure settling', () => {
  it('Khatami by date', () => {
    expect(settle(docWith('Khatami went to Kuwait.', 'Khatami', 'khatami-mohammad', '1999')).events[0]?.source).toMatchObject({ id: 'IRN', role: 'GOV', text: 'Khatami' });
    expect(settle(docWith('Khatami went to Kuwait.', 'Khatami', 'khatami-mohammad', '2019')).events[0]?.source).toMatchObject({ id: 'IRN', role: null });
  });
  it('Hamad bin Khalifa by date', () => {
    const t = 'Hamad bin Khalifa flew to Kuwait.';
    expect(settle(docWith(t, 'Hamad bin Khalifa', 'hamad-bin-khalifa', '2006')).events[0]?.source).toMatchObject({ id: 'QAT', role: 'GOV' });
    expect(settle(docWith(t, 'Hamad bin Khalifa', 'hamad-bin-khalifa', '2020')).events[0]?.source).toMatchObject({ id: 'QAT', role: null });
  });
});

describe('former titles without a name', () => {
  function titled(date: CodedEvent['date'], published: string | null): EventActor | null | undefined {
    const text = 'The former Egyptian foreign minister criticised Kuwait.';
    const start = text.indexOf('Egyptian');
    const end = text.indexOf(' criticised');
    const doc = emptyDocument(text, { id: 't', title: null, outlet: null, published, url: null, lang: 'en', origin: 't' }, 'en');
    const actor = { id: 'EGY', cameo: 'EGYGOV', role: 'GOV' as const, name: 'Egypt' };
    doc.mentions.push({ kind: 'office', start, end, sentence: 0, entry: 'OFFICE:fm', actors: [actor], former: true });
    const k = text.indexOf('Kuwait');
    doc.events.push({
      sentence: 0, source: { ...actor, text: text.slice(start, end), start, end }, target: { id: 'KWT', cameo: 'KWT', role: null, name: 'Kuwait', text: 'Kuwait', start: k, end: k + 6 },
      code: '111', root: '11', quad: 3, goldstein: -2, plover: null, trigger: { start: end + 1, end: end + 11 }, evidence: { start: 0, end: text.length },
      date, attributedTo: null, negated: false, hypothetical: false, confidence: 1,
    });
    return settle(doc).events[0]?.source;
  }

  it('speaking now (publication or relative date), a former official has no role', () => {
    expect(titled({ value: '2020-05-01', precision: 'day', text: null, basis: 'published' }, '2020-05-01')).toMatchObject({ id: 'EGY', role: null, cameo: 'EGY' });
    expect(titled({ value: '2020-04-29', precision: 'day', text: 'On Wednesday', basis: 'relative' }, '2020-05-01')).toMatchObject({ role: null });
  });

  it('an act the text dates years before publication keeps the role', () => {
    expect(titled({ value: '2009', precision: 'year', text: 'in 2009', basis: 'text' }, '2020-05-01')).toMatchObject({ id: 'EGY', role: 'GOV', cameo: 'EGYGOV' });
    expect(titled({ value: '2009', precision: 'year', text: 'in 2009', basis: 'text' }, null)).toMatchObject({ role: 'GOV' });
  });
});

describe('holders filled in for 1990 onwards resolve by the event date', () => {
  const pipeline = createPipeline();
  const sources = (text: string, lang: 'ar' | 'en'): Array<[string | undefined, string | null | undefined, string | null]> =>
    pipeline
      .run({ text, meta: { id: 't', title: null, outlet: null, published: '2024-06-01', url: null, lang, origin: 't' } })
      .events.map((e) => [e.source?.id, e.source?.role, e.date.value]);
  it('a minister of the 1990s acts for his state in office and for nobody after', () => {
    expect(sources('زار فارس بويز دمشق في مايو 1995. وزار فارس بويز دمشق عام 2010.', 'ar')).toEqual([
      ['LBN', 'GOV', '1995-05'],
      ['LBN', null, '2010'],
    ]);
    expect(sources('Nevzat Ayaz visited Baghdad in March 1992. Nevzat Ayaz visited Baghdad in 2005.', 'en')).toEqual([
      ['TUR', 'GOV', '1992-03'],
      ['TUR', null, '2005'],
    ]);
  });
  it('an acting holder, and a monarch who was also prime minister', () => {
    expect(sources('Saadoun al-Dulaimi visited Tehran in 2012.', 'en')).toEqual([['IRQ', 'GOV', '2012']]);
    const qaboos = loadPeople(DEFAULT_DATA_DIR).find((p) => p.id === 'qaboos-bin-said');
    expect(qaboos?.tenures.map((t) => t.office)).toEqual(['sultan', 'defence minister', 'prime minister']);
  });
});
