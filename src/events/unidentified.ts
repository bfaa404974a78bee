// Actors a text names only by kind (protesters, gunmen, civilians: data/actors/unidentified.json). They take
// part in protest and violence events, which the news reports without naming who; each takes the country of
// a nisba right after it (مسلحين فلسطينيين), else the country where the event happened, else the unknown '---'.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Actor, Document, Mention, Role, Span, Token } from '../document.js';
import { withRole } from '../lexicon/actors.js';
import { foldKey, IGNORABLE } from '../stages/normalise.js';
import { arabicBareStems, arabicReadings } from './arabic.js';

const Side = z.enum(['agent', 'patient', 'either']);
const Kind = z.object({
  key: z.string().regex(/^[a-z]+$/),
  name: z.string(),
  role: z.enum(['GOV', 'MIL', 'LEG', 'JUD', 'OPP', 'REB', 'MED', 'BUS', 'CVL']),
  /** agent: acts (protests, attacks); patient: is acted on (the killed); either: decided by position. */
  side: Side,
  /** Locals take the country where the event happened; gunmen and settlers do not (who they are is unknown). */
  local: z.boolean().default(true),
  /** The state the kind belongs to when nothing in the sentence says otherwise (مستوطنون: Israeli settlers). */
  state: z.object({ id: z.string().regex(/^[A-Z]{3}$/), name: z.string() }).optional(),
  words: z.array(z.string().min(1)).min(1),
});
const Places = z.record(z.string().regex(/^[A-Z]{3}$/), z.object({ name: z.string(), ar: z.array(z.string().min(1)) }));
const UnidentifiedFile = z.object({ ar: z.array(Kind), en: z.array(Kind).default([]), places: Places.default({}) });
/** The gazetteer beside it (data/actors/places.json), both languages; only its Arabic names are read here. */
const PlacesFile = z.object({ places: z.record(z.string().regex(/^[A-Z]{3}$/), z.object({ name: z.string(), ar: z.array(z.string()) })) });

export type UnidentifiedSide = z.infer<typeof Side>;

export interface UnidentifiedKind {
  key: string;
  name: string;
  role: Role;
  side: UnidentifiedSide;
  local: boolean;
  state?: Actor;
}

interface KindPhrase {
  tokens: string[];
  kind: UnidentifiedKind;
}

/** A city or region name: where an event happened, never an actor. */
export interface PlacePhrase {
  tokens: string[];
  state: Actor;
}

export interface UnidentifiedLexicon {
  /** Arabic phrases by first folded token, longest first. */
  ar: Map<string, KindPhrase[]>;
  kinds: Map<string, UnidentifiedKind>;
  /** Arabic city and region names by first folded token. */
  places: Map<string, PlacePhrase[]>;
}

/** Mention entries of unidentified actors: `UNID:<key>` (country from the place or unknown), `UNID:<key>:named`. */
const PREFIX = 'UNID:';
const NAMED = ':named';
/** The kind a protest implies, and its mention entry. */
export const PROTESTERS = 'protesters';
export const PROTESTERS_ENTRY = `${PREFIX}${PROTESTERS}`;
const PEOPLE = 'people';
/** The country block CAMEO writes for an actor of unknown country. */
export const UNKNOWN_COUNTRY = '---';

export function emptyUnidentified(): UnidentifiedLexicon {
  return { ar: new Map(), kinds: new Map(), places: new Map() };
}

export function loadUnidentified(path: string): UnidentifiedLexicon {
  if (!existsSync(path)) return emptyUnidentified();
  const file = UnidentifiedFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const lex = emptyUnidentified();
  for (const k of file.ar) {
    const kind: UnidentifiedKind = { key: k.key, name: k.name, role: k.role, side: k.side, local: k.local };
    if (k.state) kind.state = { id: k.state.id, cameo: k.state.id, role: null, name: k.state.name };
    lex.kinds.set(k.key, kind);
    for (const w of k.words) {
      const tokens = foldKey(w).split(' ');
      const first = tokens[0] as string;
      const list = lex.ar.get(first) ?? [];
      list.push({ tokens, kind });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      lex.ar.set(first, list);
    }
  }
  const placesPath = join(dirname(path), 'places.json');
  const gazetteer = existsSync(placesPath) ? PlacesFile.parse(JSON.parse(readFileSync(placesPath, 'utf8'))).places : {};
  for (const [id, place] of [...Object.entries(file.places), ...Object.entries(gazetteer)]) {
    const state: Actor = { id, cameo: id, role: null, name: place.name };
    for (const w of place.ar) {
      const tokens = foldKey(w).split(' ');
      const first = tokens[0] as string;
      lex.places.set(first, [...(lex.places.get(first) ?? []), { tokens, state }]);
    }
  }
  return lex;
}

/** The kind of an unidentified-actor mention, or undefined for a named actor. */
export function unidentifiedKind(lex: UnidentifiedLexicon, m: Mention): UnidentifiedKind | undefined {
  if (!m.entry.startsWith(PREFIX)) return undefined;
  return lex.kinds.get(m.entry.slice(PREFIX.length).replace(NAMED, ''));
}

/** True when the mention names no one: its country, if any, was only inferred from the place. */
export function isUnidentified(m: Mention): boolean {
  return m.entry.startsWith(PREFIX) && !m.entry.endsWith(NAMED);
}

function actorFor(kind: UnidentifiedKind, country: Actor | null): Actor {
  if (country) return { ...withRole(country, kind.role), name: `${kind.name} (${country.name})` };
  return { id: UNKNOWN_COUNTRY, cameo: `${UNKNOWN_COUNTRY}${kind.role}`, role: kind.role, name: kind.name };
}

/** Offset in the text of the token's `n`-th key character (keys drop ignorable characters). */
function keyOffset(doc: Document, t: Token, n: number): number {
  let seen = 0;
  for (let i = t.start; i < t.end; i++) {
    if (doc.norm[i] === IGNORABLE) continue;
    if (seen === n) return i;
    seen++;
  }
  return t.start;
}

function stemsMatch(token: Token | undefined, key: string): boolean {
  return token !== undefined && token.kind === 'word' && arabicBareStems(token.norm).includes(key);
}

/** The last letter of a span of the folded text (ignorable characters skipped). */
function lastLetter(doc: Document, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) if (doc.norm[i] !== IGNORABLE) return doc.norm[i] as string;
  return '';
}

/**
 * A state nisba or name mention starting right after `end` (only spaces between). An indefinite accusative nisba
 * (أميركيا) agrees only with a noun in the same case (جنديا أميركيا), not with مسلحون before its object.
 */
function nisbaAfter(doc: Document, mentions: Mention[], start: number, end: number): Mention | undefined {
  return mentions.find(
    (m) =>
      m.start >= end &&
      m.start - end <= 2 &&
      (m.kind === 'nisba' || m.kind === 'state') &&
      m.actors.length === 1 &&
      (m.actors[0]?.id.length ?? 0) === 3 &&
      doc.norm.slice(end, m.start).trim() === '' &&
      (m.kind !== 'nisba' || lastLetter(doc, m.start, m.end) !== 'ا' || lastLetter(doc, start, end) === 'ا'),
  );
}

/** Words that count people: a nisba after them names people of that country (ثلاثة عراقيين، عشرات الفلسطينيين). */
const QUANTITY = new Set(
  ['عشرات', 'مئات', 'آلاف', 'الاف', 'ألوف', 'عدد', 'بعض', 'أحد', 'احد', 'إحدى', 'اثنين', 'اثنان', 'اثنتين', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة',
    'ثمانية', 'تسعة', 'عشرة', 'عشرين', 'ثلاثين', 'أربعين', 'خمسين', 'مئة', 'مائة', 'معظم', 'غالبية', 'أغلب'].map(foldKey),
);

export function countsPeople(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'number' || arabicBareStems(t.norm).some((s) => QUANTITY.has(s)));
}

/** Third-person and "our" pronoun suffixes that point back to an actor named earlier (جنوده، موظفيها، جنودنا). */
const POSSESSIVE = /(هما|هم|ها|ه|نا)$/;

/**
 * اعلن الجيش الأميركي مقتل اثنين من جنوده، موظفي السفارة ... موظفيها: a kind word with a pronoun suffix names
 * the people of the last state actor named before it in the sentence.
 */
function possessedKind(doc: Document, t: Token, mentions: Mention[], lex: UnidentifiedLexicon): Mention | null {
  if (!POSSESSIVE.test(t.norm)) return null;
  for (const r of arabicReadings(t.norm)) {
    if (!r.suffix || r.article) continue;
    const kind = lex.ar.get(r.stem)?.find((p) => p.tokens.length === 1)?.kind;
    if (kind === undefined) continue;
    // A capital named on the way is usually where it happened (موكب السفارة في كابل ... موظفيها), not the owner.
    const owner = mentions.filter((m) => m.end <= t.start && m.kind !== 'capital' && m.actors.length === 1 && (m.actors[0]?.id.length ?? 0) === 3).pop();
    const state = owner?.actors[0];
    if (state === undefined) return null;
    const front = (r.conj ? 1 : 0) + (r.prep ? 1 : 0);
    const country: Actor = { id: state.id, cameo: state.cameo.slice(0, 3), role: null, name: state.name };
    return { start: keyOffset(doc, t, front), end: t.end, kind: 'body', sentence: t.sentence, entry: `${PREFIX}${kind.key}${NAMED}`, actors: [actorFor(kind, country)] };
  }
  return null;
}

/**
 * Unidentified-actor mentions among `tokens` (one sentence), skipping words already inside a named mention.
 * `mentions` are the sentence's named mentions; `place` the country where the sentence's event happened.
 */
export function findUnidentified(
  doc: Document,
  tokens: Token[],
  mentions: Mention[],
  lex: UnidentifiedLexicon,
  place: Actor | null,
): Mention[] {
  const out: Mention[] = [];
  const people = lex.kinds.get(PEOPLE);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const named = mentions.find((m) => m.start < t.end && m.end > t.start);
    // ثلاثة عراقيين قتلوا: a counted nisba is people of that country, not the state.
    if (named && people && named.kind === 'nisba' && named.start >= t.start && countsPeople(tokens[i - 1]) && named.actors.length === 1) {
      out.push({ ...named, kind: 'body', entry: `${PREFIX}${PEOPLE}${NAMED}`, actors: [actorFor(people, named.actors[0] ?? null)] });
      continue;
    }
    if (t.kind !== 'word' || named) continue;
    let hit: KindPhrase | undefined;
    let stemLength = 0;
    for (const stem of arabicBareStems(t.norm)) {
      hit = lex.ar.get(stem)?.find((p) => p.tokens.every((k, j) => j === 0 || stemsMatch(tokens[i + j], k)));
      stemLength = stem.length;
      if (hit) break;
    }
    if (!hit) {
      const own = possessedKind(doc, t, mentions, lex);
      if (own) out.push(own);
      continue;
    }
    const last = tokens[i + hit.tokens.length - 1] as Token;
    const nisba = nisbaAfter(doc, mentions, t.start, last.end);
    const country = nisba?.actors[0] ?? null;
    out.push({
      // After the glued clitics, so that a particle (للشرطة، بالمتظاهرين) still reads as introducing it.
      start: keyOffset(doc, t, t.norm.length - stemLength),
      end: nisba ? nisba.end : last.end,
      kind: 'body',
      sentence: t.sentence,
      entry: `${PREFIX}${hit.kind.key}${nisba ? NAMED : ''}`,
      actors: [actorFor(hit.kind, country ?? (hit.kind.local ? place : null) ?? hit.kind.state ?? null)],
    });
    i += hit.tokens.length - 1;
  }
  return out;
}

/** The actor a protest word implies when the text names none (مظاهرات: protesters), over the trigger's span. */
export function impliedMention(lex: UnidentifiedLexicon, key: string, span: Span, sentence: number, place: Actor | null): Mention | null {
  const kind = lex.kinds.get(key);
  if (!kind) return null;
  return { start: span.start, end: span.end, kind: 'body', sentence, entry: `${PREFIX}${key}`, actors: [actorFor(kind, place)] };
}
