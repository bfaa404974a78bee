// A named person and the titles around him are one mention: "الرئيس الإيراني إبراهيم رئيسي", "Iranian President
// Massoud Pezeshkian", "Prime Minister and Foreign Minister Sheikh Mohammed ...", "محمد خاتمي، الرئيس الإيراني الأسبق".
// The person decides who the mention stands for (his tenure on the event's date), so the title must not
// survive as a separate actor; "former" next to the title stays on the joined mention. A title set off by a comma
// is dropped without widening the name's span: a clause may end at that comma, and the name is the subject.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Document, Mention } from '../document.js';
import type { PersonEntry } from '../lexicon/people.js';
import { foldKey } from '../stages/normalise.js';

const TITLE_KINDS = new Set(['office', 'body']);
const FORMER_WORDS = new Set(['السابق', 'الاسبق', 'السابقه', 'الاسبقه', 'former', 'ex', '-']);
const APPOSITION = new Set(['', ',', '،']);
const BEFORE_CHAINED = new Set([...APPOSITION, 'and', 'و']);
const AFTER = new Set([...APPOSITION, ',the', 'the']);

const HonorificsSchema = z.object({ ar: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });

/** Honorifics and ranks (data/actors/honorifics.json) as folded single words. */
export function loadHonorifics(dataDir: string): Set<string> {
  const path = join(dataDir, 'actors', 'honorifics.json');
  if (!existsSync(path)) return new Set();
  const parsed = HonorificsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return new Set([...parsed.data.ar, ...parsed.data.en].flatMap((h) => foldKey(h).split(' ')));
}

/** The text between two spans (folded; spaces, "former" and honorifics dropped) if it is one of `allowed`. */
function gapOf(doc: Document, from: number, to: number, allowed: ReadonlySet<string>, honorifics: ReadonlySet<string>): string | null {
  if (to < from || to - from > 40) return null;
  const words = doc.norm.slice(from, to).replace(/\u0000/g, '').replace(/([,،.])/g, ' $1 ').split(/\s+/);
  const gap = words.filter((w) => w !== '' && w !== '.' && !FORMER_WORDS.has(w) && !honorifics.has(w)).join('');
  return allowed.has(gap) ? gap : null;
}

/** A title fits the person when it names no state, or a state (or organisation) the person served. */
function fits(title: Mention, person: PersonEntry | undefined): boolean {
  if (!TITLE_KINDS.has(title.kind)) return false;
  const id = title.actors[0]?.id;
  if (id === undefined) return true;
  return person !== undefined && person.tenures.some((t) => t.actor.id === id);
}

/** People by id, built once per people list (it has thousands of entries; documents come one by one). */
const BY_ID = new WeakMap<readonly PersonEntry[], Map<string, PersonEntry>>();
function peopleById(people: readonly PersonEntry[]): Map<string, PersonEntry> {
  let byId = BY_ID.get(people);
  if (byId === undefined) {
    byId = new Map(people.map((p) => [p.id, p]));
    BY_ID.set(people, byId);
  }
  return byId;
}

export function joinPersonTitles(doc: Document, mentions: Mention[], people: readonly PersonEntry[], honorifics: ReadonlySet<string> = new Set()): Mention[] {
  if (people.length === 0) return mentions;
  const byId = peopleById(people);
  const gone = new Set<number>();
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k] as Mention;
    if (m.kind !== 'person') continue;
    const person = byId.get(m.entry);
    // Titles before the name, possibly chained: "Prime Minister and Foreign Minister X".
    let allowed = APPOSITION;
    let from = m.start;
    for (let j = k - 1; j >= 0 && !gone.has(j); j--) {
      const t = mentions[j] as Mention;
      const gap = t.sentence === m.sentence && fits(t, person) ? gapOf(doc, t.end, from, allowed, honorifics) : null;
      if (gap === null) break;
      from = t.start;
      absorb(m, t, gap === '' || gap === 'and' || gap === 'و');
      gone.add(j);
      allowed = BEFORE_CHAINED;
    }
    // One title in apposition after the name: "Khatami, the former Iranian president".
    const next = mentions[k + 1];
    if (next && next.sentence === m.sentence && fits(next, person)) {
      const gap = gapOf(doc, m.end, next.start, AFTER, honorifics);
      if (gap !== null) {
        absorb(m, next, gap === '');
        gone.add(k + 1);
      }
    }
  }
  return mentions.filter((_, i) => !gone.has(i));
}

function absorb(person: Mention, title: Mention, widen: boolean): void {
  if (widen) {
    person.start = Math.min(person.start, title.start);
    person.end = Math.max(person.end, title.end);
  }
  if (title.former) person.former = true;
}
