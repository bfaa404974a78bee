// Date vocabulary from data/dates/vocabulary.json: months (English, both Arabic systems, Hijri), weekdays,
// relative words, anaphoric carriers and blockers, "read also" breaks, Arabic ordinal day words.
// Every name is compiled into a phrase matcher keyed by its first folded token, so scanning is one lookup a token.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { foldKey } from '../stages/normalise.js';
import { PhraseMatcher } from './phrases.js';

const Names = z.array(z.string().min(1));
const Schema = z.object({
  months: z.array(z.object({ month: z.number().int().min(1).max(12), names: Names })),
  hijriMonths: z.array(z.object({ month: z.number().int().min(1).max(12), names: Names })).default([]),
  weekdays: z.array(z.object({ day: z.number().int().min(0).max(6), names: Names })),
  relative: z.array(z.object({ unit: z.enum(['day', 'week', 'month', 'year']), shift: z.number().int(), names: Names })),
  recentDays: z.object({ units: Names, past: Names }).default({ units: [], past: [] }),
  carriers: Names,
  blockers: Names.default([]),
  breaks: Names.default([]),
  yearWords: Names.default([]),
  monthWords: Names.default([]),
  dayWords: Names.default([]),
  eraSuffix: z.object({ gregorian: Names, hijri: Names }).default({ gregorian: [], hijri: [] }),
  ordinals: z
    .object({ units: z.record(z.string(), z.number().int()), teen: Names, tens: z.record(z.string(), z.number().int()), of: Names })
    .default({ units: {}, teen: [], tens: {}, of: [] }),
  /** Words after (Arabic) or before (English) a month without a year: مارس الماضي, last March, next March. */
  monthModifiers: z.object({ past: Names, next: Names, this: Names }).default({ past: [], next: [], this: [] }),
  /** "three days ago", قبل يومين، منذ ثلاثة أسابيع. */
  counted: z
    .object({
      units: z.record(z.enum(['day', 'week', 'month', 'year']), Names),
      duals: z.record(z.enum(['day', 'week', 'month', 'year']), Names),
      numbers: z.record(z.string(), z.number().int().positive()),
      agoAfter: Names,
      agoBefore: Names,
      /** After the unit these make it "N days before <something>", not before publication. */
      notAfter: Names,
    })
    .optional(),
  /** Markers of a future clause: a bare month or weekday in it is the next one, not the last one. */
  future: Names.default([]),
  /** Words between a weekday and the date it names (يوم الخميس الموافق 30 نوفمبر). */
  weekdayLinks: Names.default([]),
  /** Words before a bare four-digit number that make it a year (في 2012, since 2015). */
  yearLeads: Names.default([]),
  /** Words after a bare four-digit number that still let it read as a year (2015 وقعت: a verb, or و). */
  yearFollowers: Names.default([]),
  /** English words that make a bare "May" / "March" a month (in May, since March, last May). */
  englishMonthLeads: Names.default([]),
  /** Named episodes with a known date (the Gulf crisis: 2017-06); `heads` name the last episode mentioned. */
  episodes: z.array(z.object({ date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/), names: Names, heads: Names.default([]) })).default([]),
  /** Words that make an episode the time of a clause (مع بداية الأزمة, during the crisis). */
  episodeGovernors: Names.default([]),
});

export type RelativeUnit = 'day' | 'week' | 'month' | 'year';

export interface DateVocabulary {
  readonly size: number;
  readonly months: PhraseMatcher<number>;
  readonly hijriMonths: PhraseMatcher<number>;
  readonly weekdays: PhraseMatcher<number>;
  readonly relative: PhraseMatcher<{ unit: RelativeUnit; shift: number }>;
  readonly recentUnits: Set<string>;
  readonly recentPast: Set<string>;
  readonly carriers: PhraseMatcher<true>;
  readonly blockers: PhraseMatcher<true>;
  readonly breaks: PhraseMatcher<true>;
  readonly yearWords: Set<string>;
  readonly monthWords: Set<string>;
  readonly dayWords: Set<string>;
  readonly gregorianSuffix: Set<string>;
  readonly hijriSuffix: Set<string>;
  readonly ordinalUnits: Map<string, number>;
  readonly ordinalTeen: Set<string>;
  readonly ordinalTens: Map<string, number>;
  readonly ordinalOf: Set<string>;
  readonly monthPast: PhraseMatcher<true>;
  readonly monthNext: PhraseMatcher<true>;
  readonly monthThis: PhraseMatcher<true>;
  readonly countUnits: Map<string, RelativeUnit>;
  readonly countDuals: Map<string, RelativeUnit>;
  readonly countNumbers: PhraseMatcher<number>;
  readonly agoAfter: Set<string>;
  readonly agoBefore: PhraseMatcher<true>;
  readonly agoNotAfter: Set<string>;
  readonly future: PhraseMatcher<true>;
  readonly englishMonthLeads: Set<string>;
  readonly yearLeads: Set<string>;
  readonly weekdayLinks: Set<string>;
  readonly yearFollowers: Set<string>;
  /** Episode names: value is the episode's index in `episodeList`. */
  readonly episodes: PhraseMatcher<number>;
  /** Generic heads (الأزمة, the crisis): value is the head's folded key. */
  readonly episodeHeads: PhraseMatcher<string>;
  readonly episodeList: ReadonlyArray<{ date: string; heads: ReadonlySet<string> }>;
  readonly episodeGovernors: PhraseMatcher<true>;
  /** Keys a time expression can start with (besides numbers): one lookup skips a token that starts none. */
  readonly starters: ReadonlySet<string>;
  /** Keys a carrier, blocker, future marker or "read also" break can start with. */
  readonly markers: ReadonlySet<string>;
}

function table<T>(groups: Array<{ names: string[]; value: T }>): PhraseMatcher<T> {
  const t = new PhraseMatcher<T>();
  for (const g of groups) for (const n of g.names) t.add(n, g.value);
  return t;
}

const foldSet = (names: string[]): Set<string> => new Set(names.map(foldKey));
function unitMap(record: Partial<Record<RelativeUnit, string[]>>): Map<string, RelativeUnit> {
  const out = new Map<string, RelativeUnit>();
  for (const [unit, names] of Object.entries(record) as Array<[RelativeUnit, string[]]>) for (const n of names) out.set(foldKey(n), unit);
  return out;
}
const foldMap = (record: Record<string, number>): Map<string, number> =>
  new Map(Object.entries(record).map(([k, v]) => [foldKey(k), v]));

export function loadDateVocabulary(dataDir: string): DateVocabulary {
  const path = join(dataDir, 'dates', 'vocabulary.json');
  const raw: unknown = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { months: [], weekdays: [], relative: [], carriers: [] };
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  const d = parsed.data;
  const vocabulary = {
    months: table(d.months.map((m) => ({ names: m.names, value: m.month }))),
    hijriMonths: table(d.hijriMonths.map((m) => ({ names: m.names, value: m.month }))),
    weekdays: table(d.weekdays.map((w) => ({ names: w.names, value: w.day }))),
    relative: table(d.relative.map((r) => ({ names: r.names, value: { unit: r.unit, shift: r.shift } }))),
    recentUnits: foldSet(d.recentDays.units),
    recentPast: foldSet(d.recentDays.past),
    carriers: table([{ names: d.carriers, value: true as const }]),
    blockers: table([{ names: d.blockers, value: true as const }]),
    breaks: table([{ names: d.breaks, value: true as const }]),
    yearWords: foldSet(d.yearWords),
    monthWords: foldSet(d.monthWords),
    dayWords: foldSet(d.dayWords),
    gregorianSuffix: foldSet(d.eraSuffix.gregorian),
    hijriSuffix: foldSet(d.eraSuffix.hijri),
    ordinalUnits: foldMap(d.ordinals.units),
    ordinalTeen: foldSet(d.ordinals.teen),
    ordinalTens: foldMap(d.ordinals.tens),
    ordinalOf: foldSet(d.ordinals.of),
    monthPast: table([{ names: d.monthModifiers.past, value: true as const }]),
    monthNext: table([{ names: d.monthModifiers.next, value: true as const }]),
    monthThis: table([{ names: d.monthModifiers.this, value: true as const }]),
    countUnits: unitMap(d.counted?.units ?? {}),
    countDuals: unitMap(d.counted?.duals ?? {}),
    countNumbers: table(Object.entries(d.counted?.numbers ?? {}).map(([n, value]) => ({ names: [n], value }))),
    agoAfter: foldSet(d.counted?.agoAfter ?? []),
    agoBefore: table([{ names: d.counted?.agoBefore ?? [], value: true as const }]),
    agoNotAfter: foldSet(d.counted?.notAfter ?? []),
    future: table([{ names: d.future, value: true as const }]),
    englishMonthLeads: foldSet(d.englishMonthLeads),
    yearLeads: foldSet(d.yearLeads),
    weekdayLinks: foldSet(d.weekdayLinks),
    yearFollowers: foldSet(d.yearFollowers),
    episodes: table(d.episodes.map((e, i) => ({ names: e.names, value: i }))),
    episodeHeads: table(d.episodes.flatMap((e) => e.heads.map((h) => ({ names: [h], value: foldKey(h) })))),
    episodeList: d.episodes.map((e) => ({ date: e.date, heads: new Set(e.heads.map(foldKey)) })),
    episodeGovernors: table([{ names: d.episodeGovernors, value: true as const }]),
  };
  const union = (tables: Array<PhraseMatcher<unknown>>, sets: Array<Iterable<string>> = []): Set<string> => {
    const out = new Set<string>();
    for (const t of tables) for (const k of t.firsts()) out.add(k);
    for (const set of sets) for (const k of set) out.add(k);
    return out;
  };
  const v = vocabulary;
  const starters = union(
    [v.months, v.hijriMonths, v.weekdays, v.relative, v.episodes, v.episodeHeads, v.episodeGovernors, v.countNumbers, v.agoBefore, v.monthPast, v.monthNext],
    [v.monthWords, v.dayWords, v.yearWords, v.recentUnits, v.recentPast, v.ordinalUnits.keys()],
  );
  const markers = union([v.breaks, v.carriers, v.blockers, v.future]);
  const size = vocabulary.months.size + vocabulary.hijriMonths.size + vocabulary.weekdays.size + vocabulary.relative.size + vocabulary.carriers.size;
  return { size, ...vocabulary, starters, markers };
}
