// Stage 3 — find mentions of actors: one Map lookup per token (after Arabic clitics), longest phrase wins;
// tokens with names run together (قطروإيران) are split into known pieces.
import type { Document, Mention, Token } from '../document.js';
import { cliticReadings } from '../actors/arabic-clitics.js';
import { composeMentions, type Found } from '../actors/compose.js';
import type { PersonPhrase } from '../actors/people-phrases.js';
import { joinPersonTitles, loadHonorifics } from '../actors/person-titles.js';
import { applyRoleHeads, loadRoleHeads, type RoleHeads } from '../actors/role-heads.js';
import { phraseAllowed, type ActorLexicon, type Phrase } from '../lexicon/actors.js';
import { DEFAULT_DATA_DIR } from '../lexicon/index.js';
import { peopleTableOf } from '../lexicon/people-table.js';
import { actorAt, type PersonEntry } from '../lexicon/people.js';
import { IGNORABLE } from './normalise.js';

/** Offsets in doc.norm of each character of a token's key (the key drops ignorables). */
function keyOffsets(doc: Document, t: Token): number[] {
  const pos: number[] = [];
  for (let i = t.start; i < t.end; i++) if (doc.norm[i] !== IGNORABLE) pos.push(i);
  return pos;
}

/** keyOffsets(doc, t)[min(n, length - 1)], or t.start for a key with no characters, without the array. */
function keyOffsetAt(doc: Document, t: Token, n: number): number {
  let seen = 0;
  let last = -1;
  for (let i = t.start; i < t.end; i++) {
    if (doc.norm[i] === IGNORABLE) continue;
    if (seen++ === n) return i;
    last = i;
  }
  return last < 0 ? t.start : last;
}

/** The first (longest) of `phrases`, all starting with token i's reading, that matches at i. */
function phraseAt(doc: Document, phrases: readonly Phrase[], i: number): Phrase | null {
  for (const p of phrases) {
    let ok = true;
    for (let k = 1; k < p.tokens.length && ok; k++) ok = doc.tokens[i + k]?.norm === p.tokens[k];
    if (!ok) continue;
    const t = doc.tokens[i] as Token;
    if (p.upper !== null && p.tokens.length === 1 && doc.text.slice(t.start, t.end) !== p.upper.replace(/\.$/, '')) continue;
    if (!phraseAllowed(doc, i, p)) continue;
    return p;
  }
  return null;
}

/** Every prefix of the single-token names, so a split stops as soon as no name can continue (one per lexicon). */
const PREFIXES = new WeakMap<ActorLexicon, Set<string>>();
function namePrefixes(lex: ActorLexicon): Set<string> {
  let set = PREFIXES.get(lex);
  if (set === undefined) {
    set = new Set();
    for (const key of lex.single.keys()) for (let e = 1; e <= key.length; e++) set.add(key.slice(0, e));
    PREFIXES.set(lex, set);
  }
  return set;
}

type Pieces = Array<[number, number, Phrase]>;

/** News vocabulary repeats: what a word can start or split into is memoised per finder, bounded. */
const CACHE_LIMIT = 100_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** Split a word into known single-token names, optionally joined by و (قطروايران، ايرانقطر). */
function splitRunTogether(word: string, lex: ActorLexicon): Pieces | null {
  return word.length < 6 ? null : computeSplit(word, lex);
}

function computeSplit(word: string, lex: ActorLexicon): Pieces | null {
  const prefixes = namePrefixes(lex);
  if (!prefixes.has(word.slice(0, 3))) return null;
  const best: Array<Array<[number, number, Phrase]> | null> = new Array<null>(word.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < word.length; i++) {
    const prev = best[i];
    if (prev === null || prev === undefined) continue;
    const starts = i > 0 && word[i] === 'و' ? [i, i + 1] : [i];
    for (const s of starts) {
      for (let e = s + 1; e <= word.length; e++) {
        const piece = word.slice(s, e);
        if (!prefixes.has(piece)) break;
        const p = e - s >= 3 ? lex.single.get(piece) : undefined;
        if (p && best[e] === null) best[e] = [...prev, [s, e, p]];
      }
    }
  }
  const done = best[word.length];
  return done && done.length >= 2 ? done : null;
}

/** The longest of `persons`, all starting with token i's reading, that matches at i. */
function personAt(doc: Document, persons: readonly PersonPhrase[], i: number): PersonPhrase | null {
  for (const p of persons) {
    let ok = true;
    for (let k = 1; k < p.tokens.length && ok; k++) ok = doc.tokens[i + k]?.norm === p.tokens[k];
    if (!ok) continue;
    const t = doc.tokens[i] as Token;
    if (p.capitalised && !/^[A-Z]/.test(doc.text[t.start] ?? '')) continue;
    return p;
  }
  return null;
}

/** A reading of a token (clitic offset stripped) that starts actor phrases or person names. */
interface Lookup {
  off: number;
  phrases: readonly Phrase[];
  persons: readonly PersonPhrase[];
}

/**
 * What the mention finder knows of a word, and the one string every token with this key is given. Why: every
 * later stage looks tokens up in Maps keyed by their key, and a Map compares a string key by identity first, so
 * tokens sharing the string already stored there skip comparing characters (and touching the other string).
 */
interface WordEntry {
  word: string;
  /** Read with Arabic clitics (an Arabic document, or Arabic script in an English one). */
  arabic: boolean;
  lookups: Lookup[];
}

/** A word's readings: Arabic ones with clitics stripped, others whole. */
function readingsOf(word: string, arabic: boolean): Array<[number, string]> {
  return arabic ? cliticReadings(word) : [[0, word]];
}

export function createMentionFinder(
  lex: ActorLexicon,
  people: readonly PersonEntry[] = [],
  heads: RoleHeads = loadRoleHeads(DEFAULT_DATA_DIR),
  honorifics: ReadonlySet<string> = loadHonorifics(DEFAULT_DATA_DIR),
): (doc: Document) => Document {
  const names = peopleTableOf(people);
  // Per word of an Arabic or an English document: the readings that start something (see WordEntry).
  const words = { ar: new Map<string, WordEntry>(), en: new Map<string, WordEntry>() };
  const entryOf = (word: string, lang: Document['lang']): WordEntry => {
    const cache = words[lang];
    let found = cache.get(word);
    if (found === undefined) {
      const arabic = lang === 'ar' || /[\u0600-\u06ff]/.test(word);
      const lookups = readingsOf(word, arabic)
        .map(([off, bare]) => ({ off, phrases: lex.byFirst.get(bare) ?? [], persons: names.get(bare) ?? [] }))
        .filter((l) => l.phrases.length > 0 || l.persons.length > 0);
      found = { word, arabic, lookups };
      remember(cache, word, found);
    }
    return found;
  };
  // Numbers and punctuation, kept as one string per value like the words (see WordEntry).
  const others = new Map<string, string>();
  const oneOf = (norm: string): string => {
    const known = others.get(norm);
    if (known !== undefined) return known;
    remember(others, norm, norm);
    return norm;
  };
  const splits = { arabic: new Map<string, [number, Pieces] | null>(), whole: new Map<string, [number, Pieces] | null>() };
  const splitOf = (word: string, arabic: boolean): [number, Pieces] | null => {
    // A reading is never longer than its word, and no reading under six letters splits: no lookup for those.
    if (word.length < 6) return null;
    const cache = arabic ? splits.arabic : splits.whole;
    let found = cache.get(word);
    if (found === undefined) {
      found = null;
      for (const [off, bare] of readingsOf(word, arabic)) {
        const pieces = splitRunTogether(bare, lex);
        if (pieces) {
          found = [off, pieces];
          break;
        }
      }
      remember(cache, word, found);
    }
    return found;
  };
  return (doc) => {
    const found: Found[] = [];
    const toks = doc.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.kind !== 'word') {
        t.norm = oneOf(t.norm);
        continue;
      }
      const entry = entryOf(t.norm, doc.lang);
      t.norm = entry.word;
      const arabic = entry.arabic;
      let hit: { p: Phrase; off: number } | null = null;
      let person: { p: PersonPhrase; off: number } | null = null;
      for (const { off, phrases, persons } of entry.lookups) {
        const p = phraseAt(doc, phrases, i);
        if (p && (!hit || p.tokens.length > hit.p.tokens.length)) hit = { p, off };
        const q = personAt(doc, persons, i);
        if (q && (!person || q.tokens.length > person.p.tokens.length)) person = { p: q, off };
      }
      // A name at least as long as any actor phrase here is a person (الأمير الوالد over الأمير).
      if (person && (!hit || person.p.tokens.length >= hit.p.tokens.length)) {
        const last = toks[i + person.p.tokens.length - 1] as Token;
        const start = keyOffsetAt(doc, t, person.off);
        const actor = actorAt(person.p.person, doc.meta.published);
        const phrase: Phrase = { tokens: person.p.tokens, open: null, kind: 'person', actor, upper: null };
        found.push({ m: { start, end: last.end, kind: 'person', sentence: t.sentence, entry: person.p.person.id, actors: [actor] }, p: phrase });
        i += person.p.tokens.length - 1;
        continue;
      }
      if (hit) {
        const last = toks[i + hit.p.tokens.length - 1] as Token;
        const start = keyOffsetAt(doc, t, hit.off);
        const m: Mention = { start, end: last.end, kind: hit.p.kind, sentence: t.sentence, entry: hit.p.actor.id, actors: openOrAnaphor(hit.p) ? [] : [hit.p.actor] };
        found.push({ m, p: hit.p });
        i += hit.p.tokens.length - 1;
        continue;
      }
      const split = splitOf(t.norm, arabic);
      if (split) {
        const [off, pieces] = split;
        const pos = keyOffsets(doc, t);
        for (const [s, e, p] of pieces) {
          const start = pos[off + s] ?? t.start;
          const end = (pos[off + e - 1] ?? t.end - 1) + 1;
          found.push({ m: { start, end, kind: p.kind, sentence: t.sentence, entry: p.actor.id, actors: [p.actor] }, p });
        }
      }
    }
    found.sort((a, b) => a.m.start - b.m.start);
    doc.mentions = joinPersonTitles(doc, composeMentions(doc, found), people, honorifics);
    applyRoleHeads(doc, doc.mentions, heads);
    return doc;
  };
}

/** Open bodies/offices and anaphors get their actors later (from a neighbour or from the resolver). */
function openOrAnaphor(p: Phrase): boolean {
  return p.open !== null || p.kind === 'anaphor';
}
