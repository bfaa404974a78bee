import { describe, expect, it } from 'vitest';
import { emptyDocument, type CodedEvent, type Document, type EventActor } from '../src/document.js';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { loadPeople } from '../src/lexicon/people.js';
import { createTenureSettler } from '../src/stages/tenure.js';

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
