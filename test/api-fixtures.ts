// A small hand-built store for the API's paging tests: many reports on the same day (the cursor must split a day
// between pages), month and year dates, undated reports (last in either order), two languages and outlets.
import { syntheticReport } from '../src/bench/api-corpus.js';
import type { CodedEvent, Document, EventDate } from '../src/document.js';
import { emptyDocument } from '../src/document.js';

const ACTORS = ['IRN', 'SAU', 'QAT', 'OMN', 'ORG:UN'];
const CODES = [
  { code: '042', root: '04', quad: 1 as const, goldstein: 1.9, plover: null },
  { code: '0431', root: '04', quad: 1 as const, goldstein: 2.8, plover: null },
  { code: '111', root: '11', quad: 3 as const, goldstein: -2, plover: null },
  { code: '190', root: '19', quad: 4 as const, goldstein: -10, plover: null },
];
/** Dates the reports cycle through: the same day many times, coarser dates, and none. */
const DATES: (string | null)[] = ['2021-03-04', '2021-03-04', null, '2021-03', '2020', '2021-03-04', '2019-12-31', null, '2021-03-05', '2021-03'];

function date(value: string | null): EventDate {
  if (value === null) return { value: null, precision: null, text: null, basis: 'none' };
  const precision = value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
  return { value, precision, text: null, basis: 'published' };
}

/** `articles` articles of `perArticle` reports each, deterministic. */
export function pagingDocuments(articles: number, perArticle: number): Document[] {
  const docs: Document[] = [];
  let n = 0;
  for (let i = 0; i < articles; i++) {
    const sentences: string[] = [];
    const events: CodedEvent[] = [];
    let offset = 0;
    for (let k = 0; k < perArticle; k++, n++) {
      const src = ACTORS[n % ACTORS.length] ?? 'IRN';
      const tgt = ACTORS[(n * 3 + 1) % ACTORS.length] ?? 'SAU';
      const code = CODES[(n * 7) % CODES.length] ?? CODES[0];
      if (!code) throw new Error('no codes');
      const sentence = `${src} and ${tgt}: paging report ${i}.${k}.`;
      events.push(syntheticReport(k, offset, sentence, src, src === tgt ? null : tgt, code, date(DATES[(n * 5 + i) % DATES.length] ?? null)));
      sentences.push(sentence);
      offset += sentence.length + 1;
    }
    const text = sentences.join(' ');
    const lang = i % 3 === 0 ? 'ar' : 'en';
    const doc = emptyDocument(text, { id: `paging-${i}`, title: `Paging ${i}`, outlet: i % 2 === 0 ? 'Wire A' : 'Wire B', published: '2021-03-04', url: null, lang, origin: 'test' }, lang);
    doc.events = events;
    docs.push(doc);
  }
  return docs;
}
