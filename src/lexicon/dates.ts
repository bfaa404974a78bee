// Date vocabulary from data/dates/vocabulary.json: months (English, both Arabic systems), weekdays,
// relative words and anaphoric carriers. Keys are folded with foldKey so matching runs on doc.norm.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { foldKey } from '../stages/normalise.js';

const Schema = z.object({
  months: z.array(z.object({ month: z.number().int().min(1).max(12), names: z.array(z.string()) })),
  weekdays: z.array(z.object({ day: z.number().int().min(0).max(6), names: z.array(z.string()) })),
  relative: z.array(
    z.object({ unit: z.enum(['day', 'week', 'month', 'year']), shift: z.number().int(), names: z.array(z.string()) }),
  ),
  carriers: z.array(z.string()),
});

export type RelativeUnit = 'day' | 'week' | 'month' | 'year';

export interface DateVocabulary {
  readonly size: number;
  readonly months: Map<string, number>;
  readonly weekdays: Map<string, number>;
  readonly relative: Map<string, { unit: RelativeUnit; shift: number }>;
  readonly carriers: string[];
}

export function loadDateVocabulary(dataDir: string): DateVocabulary {
  const path = join(dataDir, 'dates', 'vocabulary.json');
  const raw: unknown = existsSync(path)
    ? JSON.parse(readFileSync(path, 'utf8'))
    : { months: [], weekdays: [], relative: [], carriers: [] };
  const data = Schema.parse(raw);
  const months = new Map<string, number>();
  for (const m of data.months) for (const n of m.names) months.set(foldKey(n), m.month);
  const weekdays = new Map<string, number>();
  for (const w of data.weekdays) for (const n of w.names) weekdays.set(foldKey(n), w.day);
  const relative = new Map<string, { unit: RelativeUnit; shift: number }>();
  for (const r of data.relative) for (const n of r.names) relative.set(foldKey(n), { unit: r.unit, shift: r.shift });
  const carriers = data.carriers.map(foldKey);
  return { size: months.size + weekdays.size + relative.size + carriers.length, months, weekdays, relative, carriers };
}
