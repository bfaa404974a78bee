// Role nouns (data/actors/role-heads.json) that give a role to the states they govern:
//  - a pair anaphor: عاهلا البلدين, قادة البلدين, "the leaders of the two countries", "both countries' armies";
//  - nisbas: المسؤولون الإيرانيون, مسؤولي أمن إيرانيين وقطريين, الحرس الإيرانيوالقطري, "Iranian and Qatari leaders".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES, type Document, type Mention, type Role } from '../document.js';
import { tokenAt } from '../events/sentence.js';
import { withRole } from '../lexicon/actors.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';
import { cliticReadings } from './arabic-clitics.js';

const Forms = z.object({ ar: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
const Schema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const out: Array<[Role, z.infer<typeof Forms>]> = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('_')) continue;
    const role = ROLES.find((r) => r === key);
    const forms = Forms.safeParse(value);
    if (role === undefined || !forms.success) {
      ctx.addIssue({ code: 'custom', message: `${key}: expected a role (${ROLES.join(', ')}) with ar/en lists` });
      return z.NEVER;
    }
    out.push([role, forms.data]);
  }
  return out;
});

interface Head {
  keys: string[];
  role: Role;
}

export interface RoleHeads {
  /** Heads by their first folded token (matching forwards), longest first. */
  readonly byFirst: Map<string, Head[]>;
  /** Heads by their last folded token (matching backwards from what they govern), longest first. */
  readonly byLast: Map<string, Head[]>;
}

function addTo(map: Map<string, Head[]>, key: string | undefined, head: Head): void {
  if (key === undefined) return;
  const list = map.get(key) ?? [];
  list.push(head);
  list.sort((a, b) => b.keys.length - a.keys.length);
  map.set(key, list);
}

export function loadRoleHeads(dataDir: string): RoleHeads {
  const path = join(dataDir, 'actors', 'role-heads.json');
  const heads: RoleHeads = { byFirst: new Map(), byLast: new Map() };
  if (!existsSync(path)) return heads;
  const parsed = Schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  for (const [role, forms] of parsed.data) {
    for (const phrase of [...forms.ar, ...forms.en]) {
      const keys = tokenise(foldKey(phrase)).map((t) => t.norm);
      addTo(heads.byFirst, keys[0], { keys, role });
      addTo(heads.byLast, keys[keys.length - 1], { keys, role });
    }
  }
  return heads;
}

/** Does token i read as `key` (Arabic: also behind a clitic, لمسؤولين -> مسؤولين)? */
function reads(doc: Document, i: number, key: string, clitics: boolean): boolean {
  const norm = doc.tokens[i]?.norm;
  if (norm === undefined) return false;
  if (norm === key) return true;
  return clitics && doc.lang === 'ar' && cliticReadings(norm).some(([, bare]) => bare === key);
}

/** A head whose last token is `end`, matched backwards (its first token may carry an Arabic clitic). */
function headEndingAt(doc: Document, heads: RoleHeads, end: number, sentence: number): Role | null {
  const last = doc.tokens[end];
  if (last === undefined || last.sentence !== sentence) return null;
  const candidates = doc.lang === 'ar' ? [last.norm, ...cliticReadings(last.norm).map(([, b]) => b)] : [last.norm];
  for (const key of new Set(candidates)) {
    for (const { keys, role } of heads.byLast.get(key) ?? []) {
      const first = end - keys.length + 1;
      if (first < 0 || doc.tokens[first]?.sentence !== sentence) continue;
      if (keys.every((k, j) => reads(doc, first + j, k, j === 0))) return role;
    }
  }
  return null;
}

/** A head starting at token `at`, matched forwards. */
function headStartingAt(doc: Document, heads: RoleHeads, at: number, sentence: number): Role | null {
  const t = doc.tokens[at];
  if (t === undefined || t.sentence !== sentence) return null;
  for (const { keys, role } of heads.byFirst.get(t.norm) ?? []) {
    if (keys.every((k, j) => doc.tokens[at + j]?.norm === k && doc.tokens[at + j]?.sentence === sentence)) return role;
  }
  return null;
}

/** Arabic: a head right before token `at`, or one construct word before (وزيرا خارجية البلدين, مسؤولي أمن ...). */
function arabicHeadBefore(doc: Document, heads: RoleHeads, at: number, sentence: number): Role | null {
  const near = headEndingAt(doc, heads, at - 1, sentence);
  if (near) return near;
  return doc.tokens[at - 1]?.kind === 'word' ? headEndingAt(doc, heads, at - 2, sentence) : null;
}

/**
 * The role a head noun gives a pair anaphor whose tokens run from `at` to `last`: Arabic construct before it
 * (قادة البلدين), English "X of" before it, or an English possessive after it ("both countries' leaders").
 */
export function headRole(doc: Document, heads: RoleHeads, at: number, last: number): Role | null {
  const sentence = doc.tokens[at]?.sentence ?? -1;
  if (doc.lang === 'ar') return arabicHeadBefore(doc, heads, at, sentence);
  if (doc.tokens[at - 1]?.norm === 'of') {
    const before = headEndingAt(doc, heads, at - 2, sentence);
    if (before) return before;
  }
  if (doc.tokens[last + 1]?.norm === "'") {
    const from = doc.tokens[last + 2]?.norm === 's' ? last + 3 : last + 2;
    return headStartingAt(doc, heads, from, sentence) ?? headStartingAt(doc, heads, from + 1, sentence);
  }
  return null;
}

/** The role of a phrase that is itself a role noun over tokens at..last (سموه, his majesty), else null. */
export function ownRole(doc: Document, heads: RoleHeads, at: number, last: number): Role | null {
  const t = doc.tokens[at];
  if (t === undefined) return null;
  const keys = doc.tokens.slice(at, last + 1).map((x) => x.norm);
  const candidates = doc.lang === 'ar' ? [t.norm, ...cliticReadings(t.norm).map(([, b]) => b)] : [t.norm];
  for (const first of new Set(candidates)) {
    for (const h of heads.byFirst.get(first) ?? []) {
      if (h.keys.length === keys.length && h.keys.every((k, j) => j === 0 || k === keys[j])) return h.role;
    }
  }
  return null;
}


const NISBA_JOINERS = new Set(['', 'و', 'and', ',', '،']);

/**
 * Runs of nisbas (Iranian and Qatari, الإيرانيوالقطري) governed by a role head take its role: the head before
 * them in Arabic (المسؤولون الإيرانيون), after them in English (Iranian officials). Mentions are changed in place.
 */
export function applyRoleHeads(doc: Document, mentions: Mention[], heads: RoleHeads): void {
  for (let i = 0; i < mentions.length; ) {
    const first = mentions[i] as Mention;
    if (first.kind !== 'nisba' || first.actors.length !== 1) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < mentions.length) {
      const a = mentions[j] as Mention;
      const b = mentions[j + 1] as Mention;
      const gap = b.start >= a.end && b.start - a.end <= 6 ? doc.norm.slice(a.end, b.start).replace(/[\s\u0000]/g, '') : null;
      if (b.kind !== 'nisba' || b.actors.length !== 1 || b.sentence !== a.sentence || gap === null || !NISBA_JOINERS.has(gap)) break;
      j++;
    }
    const run = mentions.slice(i, j + 1);
    const last = run[run.length - 1] as Mention;
    const sentence = doc.tokens[tokenAt(doc.tokens, first.start)]?.sentence ?? -1;
    const role =
      doc.lang === 'ar'
        ? arabicHeadBefore(doc, heads, tokenAt(doc.tokens, first.start), sentence)
        : headStartingAt(doc, heads, tokenAt(doc.tokens, last.end - 1) + 1, sentence);
    if (role !== null) for (const m of run) m.actors = m.actors.map((a) => (a.role === null ? withRole(a, role) : a));
    i = j + 1;
  }
}
