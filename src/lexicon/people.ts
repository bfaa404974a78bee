// Named office holders (data/actors/people.json): who a person acts for depends on the date (tenure).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES, type Actor, type Tenure } from '../document.js';

export interface PersonEntry {
  id: string;
  name: string;
  names: { ar: string[]; en: string[] };
  tenures: Tenure[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const actorSchema = z.object({
  id: z.string().regex(/^([A-Z]{3}|ORG:[A-Z_]+)$/),
  cameo: z.string().min(3),
  role: z.enum(ROLES).nullable(),
  name: z.string().min(1),
});
const tenureSchema = z.object({
  actor: actorSchema,
  office: z.string().min(1),
  from: z.string().regex(DAY),
  to: z.string().regex(DAY).nullable(),
});
const personSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  names: z.object({ ar: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }),
  tenures: z.array(tenureSchema).min(1),
});
const fileSchema = z.array(personSchema);

export function loadPeople(dataDir: string): PersonEntry[] {
  const file = join(dataDir, 'actors', 'people.json');
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: invalid people data at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/** First and last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) covers. */
function dateRange(date: string): [string, string] {
  if (/^\d{4}$/.test(date)) return [`${date}-01-01`, `${date}-12-31`];
  if (/^\d{4}-\d{2}$/.test(date)) return [`${date}-01`, `${date}-31`];
  return [date, date];
}

const OPEN = '9999-12-31';

/** Distance in "date string order" terms: 0 if covering; used only to pick the nearest tenure. */
function gap(t: Tenure, lo: string, hi: string): number {
  const to = t.to ?? OPEN;
  if (hi < t.from) return Date.parse(t.from) - Date.parse(hi);
  if (lo > to) return Date.parse(lo) - Date.parse(to);
  return 0;
}

function stateOf(t: Tenure): Actor {
  const country = t.actor.id.startsWith('ORG:') ? t.actor.cameo : t.actor.id;
  return { id: t.actor.id, cameo: country, role: null, name: t.actor.name };
}

export function actorAt(person: PersonEntry, date: string | null): Actor {
  const tenures = [...person.tenures].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const last = tenures[tenures.length - 1];
  if (!last) throw new Error(`person ${person.id} has no tenure`);
  if (date === null) return { ...last.actor };
  const [lo, hi] = dateRange(date);
  // A partial date covers a tenure if any day of it does; prefer the latest covering tenure.
  const covering = tenures.filter((t) => t.from <= hi && (t.to ?? OPEN) >= lo);
  const hit = covering[covering.length - 1];
  if (hit) return { ...hit.actor };
  let nearest = last;
  for (const t of tenures) if (gap(t, lo, hi) < gap(nearest, lo, hi)) nearest = t;
  return stateOf(nearest);
}
