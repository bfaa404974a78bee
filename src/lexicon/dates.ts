// Date vocabulary from data/dates/vocabulary.json: months (English, both Arabic systems, Hijri), weekdays,
// relative words, anaphoric carriers and blockers, "read also" breaks, Arabic ordinal day words.
// Every name is compiled into a phrase table keyed by its first folded token, so scanning is one lookup a token.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';

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
});

export type RelativeUnit = 'day' | 'week' | 'month' | 'year';

/** Phrases keyed by their first folded token; the longest match wins. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Array<{ keys: string[]; value: T }>>();
  size = 0;

  add(phrase: string, value: T): void {
    const keys = tokenise(foldKey(phrase)).map((t) => t.norm);
    const first = keys[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ keys, value });
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.byFirst.set(first, list);
    this.size++;
  }

  /** The longest phrase starting at `at` in `norms`: its value and token length. */
  match(norms: readonly string[], at: number): { value: T; length: number } | null {
    const list = this.byFirst.get(norms[at] ?? '');
    if (list === undefined) return null;
    for (const { keys, value } of list) {
      if (keys.every((k, i) => norms[at + i] === k)) return { value, length: keys.length };
    }
    return null;
  }

  has(norm: string): boolean {
    return this.byFirst.has(norm);
  }
}

export interface DateVocabulary {
  readonly size: number;
  readonly months: PhraseTable<number>;
  readonly hijriMonths: PhraseTable<number>;
  readonly weekdays: PhraseTable<number>;
  readonly relative: PhraseTable<{ unit: RelativeUnit; shift: number }>;
  readonly recentUnits: Set<string>;
  readonly recentPast: Set<string>;
  readonly carriers: PhraseTable<true>;
  readonly blockers: PhraseTable<true>;
  readonly breaks: PhraseTable<true>;
  readonly yearWords: Set<string>;
  readonly monthWords: Set<string>;
  readonly dayWords: Set<string>;
  readonly gregorianSuffix: Set<string>;
  readonly hijriSuffix: Set<string>;
  readonly ordinalUnits: Map<string, number>;
  readonly ordinalTeen: Set<string>;
  readonly ordinalTens: Map<string, number>;
  readonly ordinalOf: Set<string>;
}

function table<T>(groups: Array<{ names: string[]; value: T }>): PhraseTable<T> {
  const t = new PhraseTable<T>();
  for (const g of groups) for (const n of g.names) t.add(n, g.value);
  return t;
}

const foldSet = (names: string[]): Set<string> => new Set(names.map(foldKey));
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
  };
  const size = vocabulary.months.size + vocabulary.hijriMonths.size + vocabulary.weekdays.size + vocabulary.relative.size + vocabulary.carriers.size;
  return { size, ...vocabulary };
}
