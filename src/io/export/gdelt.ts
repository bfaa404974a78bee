// The GDELT 2.0 event table: its 61 columns in order, tab-separated, with a header line. Columns Rasad has a
// value for are filled; the rest stay empty (docs/gdelt-mapping.md gives the mapping and the reasons).
import type { ExportReport } from '../../store/export-queries.js';
import { gdeltActorCells, type ActorCodeTables, type GdeltActorInput } from './gdelt-actor.js';
import type { MergedItem } from './items.js';

const ACTOR = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR.map((c) => `Actor1${c}`),
  ...ACTOR.map((c) => `Actor2${c}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...['Actor1Geo_', 'Actor2Geo_', 'ActionGeo_'].flatMap((p) => GEO.map((c) => `${p}${c}`)),
  'DATEADDED', 'SOURCEURL',
];

/** What one GDELT row is made from: a merged event or a single report. */
export interface GdeltEvent {
  id: number;
  source: GdeltActorInput | null;
  target: GdeltActorInput | null;
  cameo: string;
  root: string;
  quad: number;
  goldstein: number | null;
  date: { value: string | null; precision: 'day' | 'month' | 'year' | null };
  mentions: number;
  sources: number;
  articles: number;
  /** Framing tone -1..1, or null. */
  tone: number | null;
  /** Told in an article's lead sentence. */
  lead: boolean;
  /** Earliest publication date of its articles. */
  published: string | null;
  url: string | null;
}

export function gdeltFromMerged({ event: e, reports }: MergedItem): GdeltEvent {
  const evidence = reports.find((r) => r.id === e.evidence.report);
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    cameo: e.cameo,
    root: e.root,
    quad: e.quad,
    goldstein: e.goldstein,
    date: e.date,
    mentions: e.counts.reports,
    sources: e.counts.outlets,
    articles: e.counts.articles,
    tone: e.tone,
    lead: reports.some((r) => r.sentence === 0),
    published: e.first_published,
    url: evidence?.url ?? reports.find((r) => r.url !== null)?.url ?? null,
  };
}

export function gdeltFromReport(r: ExportReport): GdeltEvent {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    cameo: r.cameo,
    root: r.root,
    quad: r.quad,
    goldstein: r.goldstein,
    date: r.date,
    mentions: 1,
    sources: r.outlet === null ? 0 : 1,
    articles: 1,
    tone: r.tone,
    lead: r.sentence === 0,
    published: r.published,
    url: r.url,
  };
}

/** Day, MonthYear, Year and FractionDate, never finer than the date Rasad found (a month leaves SQLDATE empty). */
export function gdeltDateCells(date: GdeltEvent['date']): [string, string, string, string] {
  const m = date.value === null ? null : /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.value);
  if (!m) return ['', '', '', ''];
  const [, y = '', mo, d] = m;
  if (mo === undefined) return ['', '', y, ''];
  if (d === undefined) return ['', `${y}${mo}`, y, ''];
  // GDELT's own formula: YYYY + (MONTH * 30 + DAY) / 365, four decimals.
  const fraction = (Number(y) + (Number(mo) * 30 + Number(d)) / 365).toFixed(4);
  return [`${y}${mo}${d}`, `${y}${mo}`, y, fraction];
}

function number(n: number | null): string {
  return n === null ? '' : String(Math.round(n * 100) / 100);
}

/** Tabs and line breaks would split a row: they become spaces. */
function cell(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

export function gdeltCells(e: GdeltEvent, tables: ActorCodeTables): string[] {
  const published = e.published !== null && /^\d{4}-\d{2}-\d{2}$/.test(e.published) ? `${e.published.replace(/-/g, '')}000000` : '';
  return [
    String(e.id),
    ...gdeltDateCells(e.date),
    ...gdeltActorCells(e.source, tables),
    ...gdeltActorCells(e.target, tables),
    e.lead ? '1' : '0',
    e.cameo,
    e.cameo.slice(0, 3),
    e.root,
    String(e.quad),
    number(e.goldstein),
    String(e.mentions),
    String(e.sources),
    String(e.articles),
    // Rasad's tone is -1..1; GDELT's AvgTone mostly lies in -10..+10, so it is scaled by 10.
    e.tone === null ? '' : number(e.tone * 10),
    ...Array<string>(24).fill(''),
    published,
    e.url ?? '',
  ].map(cell);
}

export function gdeltLine(cells: readonly string[]): string {
  return `${cells.join('\t')}\n`;
}

export async function* gdeltRows(events: AsyncIterable<GdeltEvent>, tables: ActorCodeTables): AsyncGenerator<string> {
  yield gdeltLine(GDELT_COLUMNS);
  for await (const e of events) yield gdeltLine(gdeltCells(e, tables));
}
