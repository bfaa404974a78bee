// Framing: how an article presents each actor it names — hostile, neutral or favourable — from general
// evaluative words in either language (data/framing/{ar,en}.json): pejorative diminutives and epithets
// ("دويلة قطر", "حزب الله الإرهابي", "the regime"), words of blame ("malign", "الخبيثة") and praise
// ("الشقيقة", "historic", honorifics). An epithet counts for the actor it stands next to; a word of blame or
// praise counts in full for an actor it stands next to, else at half weight for the actors of its clause
// (or, when the clause names none, of its sentence). The words that decided are kept as evidence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { cliticReadings } from '../actors/arabic-clitics.js';
import type { Document, Mention, Token } from '../document.js';
import { DEFAULT_DATA_DIR } from '../lexicon/index.js';
import { PhraseMatcher, type PhraseMatch, type WordKeys } from '../lexicon/phrases.js';
import { foldKey } from '../stages/normalise.js';
import { tokenIndexAt } from './words.js';

const EntrySchema = z.object({
  forms: z.array(z.string().min(1)).min(1),
  weight: z.number().int().min(-3).max(3).refine((w) => w !== 0, 'weight 0 says nothing'),
  kind: z.enum(['diminutive', 'epithet', 'pejorative', 'praise', 'honorific']),
  scope: z.enum(['attached', 'clause']),
});
const FileSchema = z.object({ lang: z.enum(['ar', 'en']), entries: z.array(EntrySchema), negators: z.array(z.string()) });
type Entry = z.infer<typeof EntrySchema>;
type Hit = PhraseMatch<Entry>;

export type FramingLabel = 'hostile' | 'neutral' | 'favourable';

export interface FramingWord {
  text: string;
  start: number;
  end: number;
  /** The weight applied to this actor (half the lexicon weight when only sharing a clause). */
  weight: number;
  kind: Entry['kind'];
}

export interface ActorFraming {
  actor: string;
  mentions: number;
  /** -1 (hostile) .. 1 (favourable). */
  score: number;
  label: FramingLabel;
  /** The deciding words, strongest first. */
  evidence: FramingWord[];
}

export interface FramingLexicon {
  matcher: PhraseMatcher<Entry>;
  negators: ReadonlySet<string>;
}

/** Possessive pronouns that may close an Arabic word (تآمرها "its conspiring"). */
const ENCLITICS = ['هما', 'هم', 'ها', 'ه'];

function withoutEnclitic(word: string): string[] {
  return ENCLITICS.filter((e) => word.endsWith(e) && word.length - e.length >= 3).map((e) => word.slice(0, -e.length));
}

/**
 * Exact word forms, with Arabic proclitics (و ف ب ل ك) allowed in front and a possessive pronoun behind:
 * an epithet must not match its topic noun (الإرهابي is not الإرهاب).
 */
const FORM_KEYS: WordKeys = {
  phrase: (phrase) => foldKey(phrase).split(' ').filter((w) => w !== ''),
  token: (norm) => {
    const bare = [norm, ...cliticReadings(norm).map(([, b]) => b)];
    return [...new Set([...bare, ...bare.flatMap(withoutEnclitic)])];
  },
};

export const HOSTILE_BELOW = -0.2;
export const FAVOURABLE_ABOVE = 0.2;
/** Words either side of a mention that still stand "next to" it: an epithet must be close ("النظام القطري"),
 * a word of blame may sit across a short phrase ("the malign regime in Tehran"). */
const ATTACH_WINDOW: Record<Entry['scope'], number> = { attached: 2, clause: 3 };
const NEGATION_WINDOW = 2;
const ARTICLES = new Set(['a', 'an', 'the']);
const QUOTES = /^["'«»“”‘’()[\]]$/;

let cached: FramingLexicon | undefined;

export function loadFramingLexicon(dataDir = DEFAULT_DATA_DIR): FramingLexicon {
  if (dataDir === DEFAULT_DATA_DIR && cached) return cached;
  const matcher = new PhraseMatcher<Entry>(FORM_KEYS);
  const negators = new Set<string>();
  for (const lang of ['ar', 'en']) {
    const path = join(dataDir, 'framing', `${lang}.json`);
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid framing lexicon'}`);
    for (const entry of parsed.data.entries) for (const form of entry.forms) matcher.add(form, entry);
    for (const n of parsed.data.negators) negators.add(foldKey(n));
  }
  const lexicon = { matcher, negators };
  if (dataDir === DEFAULT_DATA_DIR) cached = lexicon;
  return lexicon;
}

export function labelOf(score: number): FramingLabel {
  return score <= HOSTILE_BELOW ? 'hostile' : score >= FAVOURABLE_ABOVE ? 'favourable' : 'neutral';
}

interface PlacedMention {
  mention: Mention;
  first: number;
  last: number;
}

/** Word-token indices within `window` words of a token in one direction, crossing only quote marks. */
function around(tokens: readonly Token[], from: number, step: 1 | -1, window: number): number[] {
  const out: number[] = [];
  const sentence = tokens[from]?.sentence;
  for (let i = from + step, words = 0; i >= 0 && i < tokens.length && words < window; i += step) {
    const t = tokens[i] as Token;
    if (t.sentence !== sentence) break;
    if (t.kind === 'punct') {
      if (QUOTES.test(t.norm)) continue;
      break;
    }
    out.push(i);
    words++;
  }
  return out;
}

/** The word right before a hit negates it ("not a terrorist", "غير ودية"); articles in between do not count. */
function negatedAt(tokens: readonly Token[], first: number, negators: ReadonlySet<string>): boolean {
  const before = around(tokens, first, -1, NEGATION_WINDOW).find((i) => !ARTICLES.has(tokens[i]?.norm ?? ''));
  if (before === undefined) return false;
  const norm = tokens[before]?.norm ?? '';
  return negators.has(norm) || cliticReadings(norm).some(([, bare]) => negators.has(bare));
}

/** The actors of the mention(s) nearest to the hit within `window` words. */
function attachedActors(tokens: readonly Token[], placed: PlacedMention[], first: number, last: number, window: number): string[] {
  const distance = new Map<number, number>();
  for (let i = first; i <= last; i++) distance.set(i, 0);
  around(tokens, first, -1, window).forEach((i, k) => distance.set(i, k + 1));
  around(tokens, last, 1, window).forEach((i, k) => distance.set(i, k + 1));
  let best = Infinity;
  let actors: string[] = [];
  for (const p of placed) {
    let d = Infinity;
    for (let i = p.first; i <= p.last; i++) d = Math.min(d, distance.get(i) ?? Infinity);
    if (d === Infinity) continue;
    const ids = p.mention.actors.map((a) => a.id);
    if (d < best) [best, actors] = [d, ids];
    else if (d === best) actors = [...actors, ...ids];
  }
  return [...new Set(actors)];
}

function actorsWithin(placed: PlacedMention[], start: number, end: number): string[] {
  return [...new Set(placed.filter((p) => p.mention.start >= start && p.mention.end <= end).flatMap((p) => p.mention.actors.map((a) => a.id)))];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Framing of every actor the document names, sorted by actor id. */
export function frameDocument(doc: Document, lexicon: FramingLexicon = loadFramingLexicon()): ActorFraming[] {
  const { tokens } = doc;
  const placed: PlacedMention[] = doc.mentions
    .filter((m) => m.actors.length > 0)
    .map((m) => ({ mention: m, first: tokenIndexAt(tokens, m.start), last: tokenIndexAt(tokens, m.end) - 1 }))
    .filter((p) => p.last >= p.first);
  const mentions = new Map<string, number>();
  for (const p of placed) for (const a of new Set(p.mention.actors.map((x) => x.id))) mentions.set(a, (mentions.get(a) ?? 0) + 1);
  const words = new Map<string, FramingWord[]>();
  const credit = (actor: string, word: FramingWord): void => {
    if (!mentions.has(actor)) return;
    words.set(actor, [...(words.get(actor) ?? []), word]);
  };
  const hits = lexicon.matcher.matchAll(tokens);
  // Evaluative words in a row qualify one noun together ("the rogue regime in Tehran"): they attach as a group.
  const groupStart = hits.map((h) => h.first);
  for (let k = 1; k < hits.length; k++) if ((hits[k] as Hit).first === (hits[k - 1] as Hit).last + 1) groupStart[k] = groupStart[k - 1] as number;
  const groupEnd = hits.map((h) => h.last);
  for (let k = hits.length - 2; k >= 0; k--) if ((hits[k + 1] as Hit).first === (hits[k] as Hit).last + 1) groupEnd[k] = groupEnd[k + 1] as number;
  hits.forEach((hit, k) => {
    if (negatedAt(tokens, groupStart[k] as number, lexicon.negators)) return;
    const start = tokens[hit.first]?.start ?? 0;
    const end = tokens[hit.last]?.end ?? start;
    const base = { text: doc.text.slice(start, end), start, end, kind: hit.value.kind };
    const attached = attachedActors(tokens, placed, groupStart[k] as number, groupEnd[k] as number, ATTACH_WINDOW[hit.value.scope]);
    if (attached.length > 0) {
      for (const a of attached) credit(a, { ...base, weight: hit.value.weight });
      return;
    }
    if (hit.value.scope === 'attached') return;
    const sentence = doc.sentences[tokens[hit.first]?.sentence ?? -1];
    if (!sentence) return;
    const clause = sentence.clauses.find((c) => c.start <= start && end <= c.end) ?? sentence;
    const inClause = actorsWithin(placed, clause.start, clause.end);
    const near = inClause.length > 0 ? inClause : actorsWithin(placed, sentence.start, sentence.end);
    for (const a of near) credit(a, { ...base, weight: hit.value.weight / 2 });
  });
  return [...mentions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([actor, count]) => {
      const evidence = (words.get(actor) ?? []).sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight) || x.start - y.start);
      const raw = evidence.reduce((s, w) => s + w.weight, 0);
      // Longer articles name an actor more often; one epithet still tells, many tell more.
      const score = round(Math.max(-1, Math.min(1, raw / (3 + 0.2 * count))));
      return { actor, mentions: count, score, label: labelOf(score), evidence };
    });
}

/** The mean framing of the given actors in one article, or null when the article frames none of them. */
export function toneToward(framing: readonly ActorFraming[], actors: ReadonlyArray<string | null>): number | null {
  const scores = actors.flatMap((id) => framing.filter((f) => f.actor === id).map((f) => f.score));
  return scores.length === 0 ? null : round(scores.reduce((s, x) => s + x, 0) / scores.length);
}
