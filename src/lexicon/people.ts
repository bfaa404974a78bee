// Named office holders (data/actors/people.json): who a person acts for depends on the date (tenure).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES, type Actor, type Tenure } from '../document.js';
import { foldKey } from '../stages/normalise.js';
import { loadNameSpellings, spellingVariants } from '../actors/name-spellings.js';

export interface PersonEntry {
  id: string;
  name: string;
  names: { ar: string[]; en: string[] };
  tenures: Tenure[];
  /** Set on a merged entry for a name several people of one state share ("Bush"): their ids. */
  members?: string[];
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
  /** A bound is not known to the day (sometimes not to the month): the date given is the best estimate. */
  approx: z.boolean().optional(),
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
  const spellings = loadNameSpellings(dataDir);
  const forms = (names: string[]): string[] => [...new Set(names.flatMap((n) => spellingVariants(n, spellings)).flatMap(nameVariants))];
  const withVariants = parsed.data.map((p) => ({ ...p, names: { ar: forms(p.names.ar), en: forms(p.names.en) } }));
  return resolveSharedNames(withVariants);
}

/** Spellings of one name that differ only in spacing or accents: عبد الله / عبدالله, Amir-Abdollahian /
 * Amir Abdollahian, Erdoğan / Erdogan. */
export function nameVariants(name: string): string[] {
  let out = VARIANTS.get(name);
  if (out === undefined) {
    out = spellings(name);
    VARIANTS.set(name, out);
  }
  return out;
}

const VARIANTS = new Map<string, string[]>();

function spellings(name: string): string[] {
  const unaccented = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC'); // Erdoğan -> Erdogan
  const out = new Set([name, unaccented].flatMap((n) => [n, n.replace(/(\p{L})-(\p{L})/gu, '$1 $2')]));
  for (const n of [...out]) {
    out.add(n.replace(/(^|\s)عبد\s+/g, '$1عبد'));
    out.add(n.replace(/(^|\s)عبدال/g, '$1عبد ال'));
  }
  return [...out];
}

const KEYS = new Map<string, string[]>();

/** Matching keys of a name and its spacing variants (memoised: every name is asked for several times). */
export function nameKeys(name: string): string[] {
  let keys = KEYS.get(name);
  if (keys === undefined) {
    keys = [...new Set(nameVariants(name).map(foldKey))];
    KEYS.set(name, keys);
  }
  return keys;
}

export interface SharedName {
  name: string;
  people: string[];
  /** The people served different states: the name alone cannot say who is meant. */
  acrossStates: boolean;
}

/** Names (by matching key) that more than one person carries. */
export function sharedNames(people: readonly PersonEntry[]): SharedName[] {
  const owners = new Map<string, { name: string; people: PersonEntry[] }>();
  for (const p of people) {
    if (p.members) continue;
    for (const n of [...p.names.en, ...p.names.ar])
      for (const k of nameKeys(n)) {
        const o = owners.get(k) ?? { name: n, people: [] };
        if (!o.people.includes(p)) o.people.push(p);
        owners.set(k, o);
      }
  }
  const statesOf = (p: PersonEntry): string => [...new Set(p.tenures.map((t) => t.actor.id))].sort().join(',');
  return [...owners.values()]
    .filter((o) => o.people.length > 1)
    .map((o) => ({ name: o.name, people: o.people.map((p) => p.id).sort(), acrossStates: new Set(o.people.map(statesOf)).size > 1 }));
}

/** A name several people carry ("Bush") moves to one merged entry (id "a|b", all their tenures) when they
 * served the same states, so the event date picks the holder; a name shared across states names nobody. */
function resolveSharedNames(people: PersonEntry[]): PersonEntry[] {
  const shared = sharedNames(people);
  if (shared.length === 0) return people;
  const sharedKeys = new Set(shared.flatMap((s) => nameKeys(s.name)));
  const byId = new Map(people.map((p) => [p.id, p]));
  const merged = new Map<string, PersonEntry>();
  for (const s of shared) {
    if (s.acrossStates) continue;
    const id = s.people.join('|');
    const members = s.people.map((m) => byId.get(m)).filter((m): m is PersonEntry => m !== undefined);
    const entry = merged.get(id) ?? {
      id,
      name: members.map((m) => m.name).join(' / '),
      names: { ar: [], en: [] },
      tenures: members.flatMap((m) => m.tenures),
      members: s.people,
    };
    (/[\u0600-\u06ff]/.test(s.name) ? entry.names.ar : entry.names.en).push(s.name);
    merged.set(id, entry);
  }
  const own = (names: string[]): string[] => names.filter((n) => !nameKeys(n).some((k) => sharedKeys.has(k)));
  const individual = people.map((p) => ({ ...p, names: { ar: own(p.names.ar), en: own(p.names.en) } }));
  return [...individual, ...merged.values()];
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
