// Role nouns heading a pair anaphor (data/actors/anaphor-heads.json): عاهلا البلدين, قادة البلدين, "the leaders of
// the two countries", "both countries' armies" give both actors that role.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROLES, type Document, type Role, type Token } from '../document.js';
import { PhraseTable } from '../lexicon/dates.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';

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

export interface AnaphorHeads {
  /** Heads read forwards from their first token (before the anaphor: Arabic construct, English "X of"). */
  readonly table: PhraseTable<Role>;
  /** The same heads keyed by their last token, for matching backwards from the anaphor. */
  readonly byLast: Map<string, Array<{ keys: string[]; role: Role }>>;
}

export function loadAnaphorHeads(dataDir: string): AnaphorHeads {
  const path = join(dataDir, 'actors', 'anaphor-heads.json');
  const table = new PhraseTable<Role>();
  const byLast = new Map<string, Array<{ keys: string[]; role: Role }>>();
  if (!existsSync(path)) return { table, byLast };
  const parsed = Schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  for (const [role, forms] of parsed.data) {
    for (const phrase of [...forms.ar, ...forms.en]) {
      table.add(phrase, role);
      const keys = tokenKeys(phrase);
      const last = keys[keys.length - 1];
      if (last === undefined) continue;
      const list = byLast.get(last) ?? [];
      list.push({ keys, role });
      list.sort((a, b) => b.keys.length - a.keys.length);
      byLast.set(last, list);
    }
  }
  return { table, byLast };
}

function tokenKeys(phrase: string): string[] {
  return tokenise(foldKey(phrase)).map((t) => t.norm);
}

/** A head ending at token index `end` (inclusive), matched backwards: its role and first token index. */
function headEndingAt(heads: AnaphorHeads, tokens: readonly Token[], end: number): { role: Role; first: number } | null {
  for (const { keys, role } of heads.byLast.get(tokens[end]?.norm ?? '') ?? []) {
    const first = end - keys.length + 1;
    if (first < 0) continue;
    if (keys.every((k, i) => tokens[first + i]?.norm === k)) return { role, first };
  }
  return null;
}

/**
 * The role a head noun gives a pair anaphor whose first token is `at` and last is `last` (token indices):
 * Arabic construct before it (قادة البلدين، وزيرا خارجية البلدين), English "X of" before it, or an English
 * possessive after it ("both countries' leaders").
 */
export function headRole(doc: Document, heads: AnaphorHeads, at: number, last: number): Role | null {
  const tokens = doc.tokens;
  const sentence = tokens[at]?.sentence;
  const inSentence = (i: number): boolean => tokens[i]?.sentence === sentence;
  if (doc.lang === 'ar') {
    const near = inSentence(at - 1) ? headEndingAt(heads, tokens, at - 1) : null;
    if (near) return near.role;
    // One construct word between: وزيرا خارجية البلدين.
    const far = inSentence(at - 2) && tokens[at - 1]?.kind === 'word' ? headEndingAt(heads, tokens, at - 2) : null;
    return far?.role ?? null;
  }
  if (tokens[at - 1]?.norm === 'of' && inSentence(at - 2)) {
    const before = headEndingAt(heads, tokens, at - 2);
    if (before) return before.role;
  }
  if (tokens[last + 1]?.norm === "'") {
    const from = tokens[last + 2]?.norm === 's' ? last + 3 : last + 2;
    for (const i of [from, from + 1]) {
      if (!inSentence(i)) break;
      const after = heads.table.match(tokens.slice(i, i + 4).map((t) => t.norm), 0);
      if (after) return after.value;
    }
  }
  return null;
}
