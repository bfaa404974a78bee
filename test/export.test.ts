import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/cli/ingest.js';
import { buildRelationsGraph, type RelationEdge } from '../src/corpus/graph.js';
import { MergedEventRecordSchema } from '../src/corpus/records.js';
import { GDELT_COLUMNS, gdeltDateCells } from '../src/io/export/gdelt.js';
import { gdeltActorCells, loadActorCodeTables } from '../src/io/export/gdelt-actor.js';
import { gexfDocument } from '../src/io/export/gexf.js';
import { graphmlDocument } from '../src/io/export/graphml.js';
import { mergedItems, reportItems } from '../src/io/export/items.js';
import { exportChunks, type ExportFormat, type ExportRequest } from '../src/io/export/run.js';
import { writeChunks } from '../src/io/export/sink.js';
import { xmlEscape } from '../src/io/export/xml.js';
import { openStore, type Store } from '../src/store/store.js';
import { describeBackends } from './backends.js';
import { elements, parseXml } from './xml-check.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'corpus');

async function collect(chunks: AsyncIterable<string> | Iterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

function tsv(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

describe('GDELT fields', () => {
  const tables = loadActorCodeTables();

  it('has the 61 columns of the GDELT 2.0 event table in order', () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(new Set(GDELT_COLUMNS).size).toBe(61);
    expect(GDELT_COLUMNS.slice(0, 7)).toEqual(['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code', 'Actor1Name']);
    expect(GDELT_COLUMNS.slice(25, 35)).toEqual(['IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone']);
    expect(GDELT_COLUMNS.indexOf('Actor1Geo_ADM2Code')).toBe(39);
    expect(GDELT_COLUMNS.indexOf('ActionGeo_FeatureID')).toBe(58);
    expect(GDELT_COLUMNS.slice(-2)).toEqual(['DATEADDED', 'SOURCEURL']);
  });

  it('splits CAMEO actor codes into country, known group, religion and types', () => {
    const cells = (cameo: string, role: string | null = null) => gdeltActorCells({ id: 'X', cameo, role, name: 'Some Actor' }, tables);
    expect(cells('IRNGOV', 'GOV')).toEqual(['IRNGOV', 'SOME ACTOR', 'IRN', '', '', '', '', 'GOV', '', '']);
    expect(cells('IGOUNO')).toEqual(['IGOUNO', 'SOME ACTOR', '', 'UNO', '', '', '', 'IGO', '', '']);
    expect(cells('TURREBPKK')).toEqual(['TURREBPKK', 'SOME ACTOR', 'TUR', 'PKK', '', '', '', 'REB', '', '']);
    expect(cells('IMGMOSALQ')).toEqual(['IMGMOSALQ', 'SOME ACTOR', '', 'ALQ', '', 'MOS', '', 'IMG', '', '']);
    expect(cells('MEAARL').slice(2, 4)).toEqual(['MEA', 'ARL']);
    expect(cells('QAT', 'MIL').slice(7)).toEqual(['MIL', '', '']);
    expect(gdeltActorCells(null, tables)).toEqual(Array(10).fill(''));
  });

  it('never writes a finer date than the event has', () => {
    expect(gdeltDateCells({ value: '2021-03-07', precision: 'day' })).toEqual(['20210307', '202103', '2021', '2021.2658']);
    expect(gdeltDateCells({ value: '2021-03', precision: 'month' })).toEqual(['', '202103', '2021', '']);
    expect(gdeltDateCells({ value: '2021', precision: 'year' })).toEqual(['', '', '2021', '']);
    expect(gdeltDateCells({ value: null, precision: null })).toEqual(['', '', '', '']);
  });
});

describe('XML of the graph formats', () => {
  const edge = (a: string, b: string, aName: string, events: number): RelationEdge => ({ a, b, aName, bName: b, events, articles: events, goldstein: 1, cooperation: events, conflict: 0, balance: 1, sign: 1 });
  const awkward = 'Al-Qa\'ida & "Sons" <HQ>\u0001';
  const graph = buildRelationsGraph([edge('ORG:X&Y', 'QAT', awkward, 3), edge('IRN', 'QAT', 'Iran', 1)]);

  it('escapes markup and drops characters XML forbids', () => {
    expect(xmlEscape(awkward)).toBe('Al-Qa&apos;ida &amp; &quot;Sons&quot; &lt;HQ&gt;');
  });

  it('writes GraphML that a strict parser accepts, with every node, edge and label', async () => {
    const { root, errors } = parseXml(await collect(graphmlDocument(graph)));
    expect(errors).toEqual([]);
    expect(elements(root, 'node')).toHaveLength(3);
    expect(elements(root, 'edge')).toHaveLength(2);
    const node = elements(root, 'node').find((n) => n.attributes.id === 'ORG:X&Y');
    expect(node?.children.find((d) => d.attributes.key === 'n_label')?.text).toBe('Al-Qa\'ida & "Sons" <HQ>');
    expect(elements(root, 'graph')[0]?.attributes.edgedefault).toBe('undirected');
    const keys = new Set(elements(root, 'key').map((k) => k.attributes.id));
    for (const d of elements(root, 'data')) expect(keys.has(d.attributes.key)).toBe(true);
  });

  it('writes GEXF 1.3 that a strict parser accepts, with labels, weights and declared attributes', async () => {
    const { root, errors } = parseXml(await collect(gexfDocument(graph)));
    expect(errors).toEqual([]);
    expect(root?.attributes.version).toBe('1.3');
    const nodes = elements(root, 'node');
    expect(nodes).toHaveLength(3);
    expect(nodes.find((n) => n.attributes.id === 'ORG:X&Y')?.attributes.label).toBe('Al-Qa\'ida & "Sons" <HQ>');
    const edges = elements(root, 'edge');
    expect(edges).toHaveLength(2);
    expect(edges.find((e) => e.attributes.source === 'ORG:X&Y')?.attributes.weight).toBe('3');
    const declared = new Set(elements(root, 'attribute').map((a) => a.attributes.id));
    const values = elements(root, 'attvalue');
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(declared.has(v.attributes.for)).toBe(true);
  });

  it('still writes a valid document for an empty network', async () => {
    const empty = buildRelationsGraph([]);
    for (const xml of [await collect(graphmlDocument(empty)), await collect(gexfDocument(empty))]) expect(parseXml(xml).errors).toEqual([]);
  });
});

describe('writing an export', () => {
  it('stops quietly when the reader goes away (rasad export | head)', async () => {
    let writes = 0;
    const out = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        writes++;
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    async function* rows() {
      for (let i = 0; i < 100; i++) yield 'x'.repeat(70 * 1024);
    }
    await expect(writeChunks(out, rows())).resolves.toBeUndefined();
    expect(writes).toBe(1);
  });
});

describeBackends('exports from a store', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(backend.fresh('export'));
    const summary = await ingestPaths(store, [FIXTURES]);
    expect(summary.stored).toBe(3);
    return () => store.close();
  });

  const run = (format: ExportFormat, view: 'merged' | 'reports' = 'merged', filter: ExportRequest['filter'] = {}): Promise<string> =>
    collect(exportChunks(store, view === 'merged' ? { view, format, filter } : { view, format, filter }));

  it('streams every merged event and every report exactly once, page by page', async () => {
    const all = await store.mergedEvents();
    const paged = [];
    for await (const item of mergedItems(store, {}, { pageSize: 2 })) paged.push(item.event.id);
    expect(paged).toEqual(all.map((e) => e.id).sort((x, y) => x - y));
    const reports = [];
    for await (const r of reportItems(store, {}, 2)) reports.push(r.id);
    expect(reports).toHaveLength((await store.events()).length);
    expect(new Set(reports).size).toBe(reports.length);
    const limited = [];
    for await (const r of reportItems(store, { limit: 3 }, 2)) limited.push(r.id);
    expect(limited).toEqual(reports.slice(0, 3));
  });

  it('writes JSON Lines of merged events and of reports', async () => {
    const merged = (await run('jsonl')).trim().split('\n').map((l) => MergedEventRecordSchema.parse(JSON.parse(l)));
    expect(merged).toHaveLength((await store.mergedEvents()).length);
    const pact = merged.find((m) => m.cameo === '057');
    expect(pact).toMatchObject({ source: { id: 'KWT' }, target: { id: 'OMN' }, counts: { articles: 2, outlets: 2 }, langs: ['ar', 'en'] });
    const reports = (await run('jsonl', 'reports', { lang: 'ar' })).trim().split('\n').map((l) => JSON.parse(l) as { doc: string; merged_id: number; sentence: number });
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.doc === 'kuwait-oman-ar')).toBe(true);
    expect(reports.some((r) => r.merged_id === pact?.id && r.sentence === 0)).toBe(true);
  });

  it('writes CSV whose every row has the header\'s columns', async () => {
    for (const view of ['merged', 'reports'] as const) {
      const [header = [], ...rows] = parseCsv(await run('csv', view));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toHaveLength(header.length);
      const cameo = header.indexOf('cameo');
      expect(rows.map((r) => r[cameo])).toContain('057');
    }
  });

  it('writes the GDELT table: 61 columns, codes, counts, dates, tone and source url', async () => {
    const [header = [], ...rows] = tsv(await run('gdelt'));
    expect(header).toEqual([...GDELT_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(61);
    const col = (row: string[], name: string) => row[GDELT_COLUMNS.indexOf(name)];
    const pact = rows.find((r) => col(r, 'EventCode') === '057');
    expect(pact && Object.fromEntries(['Actor1Code', 'Actor1CountryCode', 'Actor2Code', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'NumMentions', 'NumSources', 'NumArticles', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate', 'IsRootEvent', 'DATEADDED', 'SOURCEURL', 'Actor1Geo_Type'].map((c) => [c, col(pact, c)]))).toEqual({
      Actor1Code: 'KWT',
      Actor1CountryCode: 'KWT',
      Actor2Code: 'OMN',
      EventBaseCode: '057',
      EventRootCode: '05',
      QuadClass: '1',
      NumMentions: '2',
      NumSources: '2',
      NumArticles: '2',
      SQLDATE: '20210307',
      MonthYear: '202103',
      Year: '2021',
      FractionDate: '2021.2658',
      IsRootEvent: '1',
      DATEADDED: '20210308000000',
      SOURCEURL: 'https://example.org/ledger/kuwait-oman?id=7&lang=en',
      Actor1Geo_Type: '',
    });
    expect(Number(col(pact ?? [], 'GoldsteinScale'))).toBeGreaterThan(0);
    const un = rows.find((r) => col(r, 'Actor1Code') === 'IGOUNO');
    expect(un && [col(un, 'Actor1KnownGroupCode'), col(un, 'Actor1Type1Code'), col(un, 'Actor1CountryCode'), col(un, 'Actor2CountryCode')]).toEqual(['UNO', 'IGO', '', 'SAU']);
    const tone = (await store.mergedEvents()).find((m) => m.cameo === '057')?.tone ?? null;
    expect(col(pact ?? [], 'AvgTone')).toBe(tone === null ? '' : String(Math.round(tone * 1000) / 100));
  });

  it('applies filters to the GDELT rows of single reports', async () => {
    const [, ...rows] = tsv(await run('gdelt', 'reports', { dyad: ['OMN', 'KWT'] }));
    expect(rows.length).toBe((await store.events({ dyad: ['OMN', 'KWT'] })).length);
    for (const r of rows) {
      expect(['KWT', 'OMN']).toContain(r[GDELT_COLUMNS.indexOf('Actor1Code')]);
      expect(r[GDELT_COLUMNS.indexOf('NumArticles')]).toBe('1');
    }
  });

  it('writes the matching events as a graph in GraphML and GEXF', async () => {
    const relations = await store.relations();
    for (const format of ['graphml', 'gexf'] as const) {
      const { root, errors } = parseXml(await run(format));
      expect(errors).toEqual([]);
      expect(elements(root, 'edge')).toHaveLength(relations.length);
      expect(elements(root, 'node')).toHaveLength(new Set(relations.flatMap((e) => [e.a, e.b])).size);
    }
    const gulf = parseXml(await run('gexf', 'merged', { root: '05' })).root;
    expect(elements(gulf, 'node').map((n) => n.attributes.id).sort()).toEqual(['KWT', 'OMN', 'ORG:UN', 'SAU']);
  });
});
