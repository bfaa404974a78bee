import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs, type ReadResult } from '../src/io/read.js';
import { splitFrontMatter } from '../src/io/text.js';
import { normalisePublished, dateRange } from '../src/io/published.js';
import { checkLanguage } from '../src/language.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'io');
const fixture = (name: string): string => join(FIXTURES, name);

async function readAll(paths: string[], options = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(paths, options)) out.push(r);
  return out;
}

function articles(results: ReadResult[]) {
  return results.flatMap((r) => (r.ok ? [r.article] : []));
}

function errors(results: ReadResult[]) {
  return results.flatMap((r) => (r.ok ? [] : [r.error]));
}

describe('plain text', () => {
  it('reads front matter and keeps the body as text', async () => {
    const [a] = articles(await readAll([fixture('front.txt')]));
    expect(a?.meta).toMatchObject({ id: 'front', title: 'Talks in the capital', outlet: 'The Daily Example', published: '2021-03-04', lang: 'en' });
    expect(a?.text.startsWith('The foreign minister of Oman')).toBe(true);
    expect(a?.text).toContain('\n\nBoth sides');
  });

  it('treats unknown keys as article text', async () => {
    const [a] = articles(await readAll([fixture('nofront.txt')], { published: '2019-07' }));
    expect(a?.text.startsWith('Note: this line')).toBe(true);
    expect(a?.meta.title).toBeNull();
    expect(a?.meta.published).toBe('2019-07');
  });

  it('needs a blank line to end front matter', () => {
    expect(splitFrontMatter('title: x\nbody').body).toBe('title: x\nbody');
    expect(splitFrontMatter('Title: x\r\nurl: http://e.com/a\r\n\r\nbody').fields).toEqual({ title: 'x', url: 'http://e.com/a' });
  });

  it('front matter published wins over --published', async () => {
    const [a] = articles(await readAll([fixture('front.txt')], { published: '1999' }));
    expect(a?.meta.published).toBe('2021-03-04');
  });
});

describe('JSON Lines', () => {
  it('reads good lines and names file:line for bad ones', async () => {
    const results = await readAll([fixture('articles.jsonl')]);
    const good = articles(results);
    expect(good.map((a) => a.meta.id)).toEqual(['a1', 'articles:5']);
    expect(good[0]?.meta).toMatchObject({ outlet: 'Example Wire', published: '2020-02-10', lang: 'en', origin: `${fixture('articles.jsonl')}:1` });
    expect(good[1]?.meta).toMatchObject({ lang: 'ar', published: '2020-02-11' });
    const bad = errors(results);
    expect(bad.map((e) => e.origin)).toEqual([`${fixture('articles.jsonl')}:2`, `${fixture('articles.jsonl')}:3`]);
    expect(bad[0]?.message).toMatch(/malformed JSON/);
    expect(bad[1]?.message).toMatch(/text/);
  });
});

describe('HTML', () => {
  it('extracts the article body with paragraphs and head metadata, without scripts', async () => {
    const [a] = articles(await readAll([fixture('page.html')]));
    expect(a?.meta).toMatchObject({ id: 'page', title: 'Ministers meet to discuss the border', outlet: 'Example Gazette', published: '2022-06-15', lang: 'en' });
    expect(a?.text).toContain('The defence ministers of Morocco and Mauritania met');
    expect(a?.text).toMatch(/between the two countries\.\n\nThe two delegations agreed/);
    expect(a?.text).not.toContain('INJECTED_SCRIPT_TEXT');
    expect(a?.text).not.toContain('SECRET_TRACKING_CODE');
    expect(a?.text).not.toContain('Sport');
  });
});

describe('folders', () => {
  it('reads recursively in sorted order, only article files', async () => {
    const results = await readAll([fixture('folder')]);
    expect(errors(results)).toEqual([]);
    expect(articles(results).map((a) => a.meta.id)).toEqual(['b', 'a', 'n1']);
  });
});

describe('bad input', () => {
  it('gives one error per bad file and still reads the rest', async () => {
    const names = ['empty.txt', 'blank.txt', 'binary.txt', 'latin1.txt', 'missing.txt', 'front.txt'];
    const results = await readAll(names.map(fixture));
    expect(articles(results).map((a) => a.meta.id)).toEqual(['front']);
    const bad = errors(results);
    const byFile = new Map(bad.map((e) => [e.origin.replace(FIXTURES + '/', ''), e.message]));
    expect(byFile.get('empty.txt')).toMatch(/empty/);
    expect(byFile.get('blank.txt')).toMatch(/empty/);
    expect(byFile.get('binary.txt')).toMatch(/binary/);
    expect(byFile.get('latin1.txt')).toMatch(/UTF-8/);
    expect(byFile.get('missing.txt')).toMatch(/no such file/);
  });

  it('rejects Persian and non-English Latin text', async () => {
    const bad = errors(await readAll([fixture('persian.txt'), fixture('french.txt')]));
    expect(bad).toHaveLength(2);
    expect(bad[0]?.message).toMatch(/Persian or Urdu/);
    expect(bad[1]?.message).toMatch(/'fr', not English/);
  });

  it('rejects a bad published date in the input', async () => {
    expect(normalisePublished('2021-02-30')).toBeNull();
    expect(normalisePublished('2021-02-28T10:00:00Z')).toBe('2021-02-28');
    expect(dateRange('2020-02')).toEqual({ first: '2020-02-01', last: '2020-02-29' });
  });
});

describe('language', () => {
  it('tells Arabic from English and keeps English with foreign names', () => {
    expect(checkLanguage('استقبل أمير قطر وزير الخارجية الكويتي في الدوحة')).toEqual({ ok: true, lang: 'ar' });
    expect(checkLanguage('Sheikh Tamim bin Hamad Al Thani received Abdullah bin Zayed in Doha.')).toEqual({ ok: true, lang: 'en' });
    expect(checkLanguage('Hamad bin Khalifa Al Thani')).toEqual({ ok: true, lang: 'en' });
    expect(checkLanguage('12345 !!!').ok).toBe(false);
    expect(checkLanguage('Die Regierung hat heute beschlossen, die Steuern zu senken und neue Investitionen anzukündigen.').ok).toBe(false);
  });
});
