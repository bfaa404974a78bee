// Negation and modality markers (data/events/modality.json), compiled into token sequences, and the check
// that looks for them in a short window before a trigger.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Lang, Token } from '../document.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';
import { arabicBareStems } from './arabic.js';

const LanguageMarkers = z.object({
  /** Tokens before the trigger searched for window markers. */
  window: z.number().int().min(1).max(10),
  /** "not", "never", لم، لن: negate the event. */
  negation: z.array(z.string()),
  /** Negators only when right before the trigger (ما زار). */
  negationAdjacent: z.array(z.string()).default([]),
  /** will, سوف، لن: future (turns visits/meetings into intent, 036). */
  future: z.array(z.string()),
  /** plans to, intends to, يعتزم، من المقرر: announced intent (like future). */
  intent: z.array(z.string()).default([]),
  /** would, could, may: hypothetical. */
  modal: z.array(z.string()).default([]),
  /** if, unless, إذا، لو: hypothetical when anywhere before the trigger in the clause. */
  conditional: z.array(z.string()).default([]),
  /** قد: hypothetical only before a present-tense verb (قد + past is emphatic). */
  modalPresent: z.array(z.string()).default([]),
});

export const ModalityFile = z.object({
  en: LanguageMarkers,
  ar: LanguageMarkers,
  /** Codes that become another code when the act lies in the future (visit/meet -> 036 intent to meet). */
  futureCodes: z.record(z.string(), z.string()).default({}),
});

export interface MarkerSet {
  window: number;
  negation: string[][];
  negationAdjacent: string[][];
  future: string[][];
  intent: string[][];
  modal: string[][];
  conditional: string[][];
  modalPresent: string[][];
}

export interface Modality {
  en: MarkerSet;
  ar: MarkerSet;
  futureCodes: Map<string, string>;
}

function compile(phrases: string[]): string[][] {
  return phrases.map((p) => tokenise(foldKey(p)).map((t) => t.norm)).filter((k) => k.length > 0);
}

const EMPTY_MARKERS: MarkerSet = {
  window: 4, negation: [], negationAdjacent: [], future: [], intent: [], modal: [], conditional: [], modalPresent: [],
};

export function loadModality(path: string): Modality {
  if (!existsSync(path)) return { en: EMPTY_MARKERS, ar: EMPTY_MARKERS, futureCodes: new Map() };
  const file = ModalityFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const set = (m: z.infer<typeof LanguageMarkers>): MarkerSet => ({
    window: m.window,
    negation: compile(m.negation),
    negationAdjacent: compile(m.negationAdjacent),
    future: compile(m.future),
    intent: compile(m.intent),
    modal: compile(m.modal),
    conditional: compile(m.conditional),
    modalPresent: compile(m.modalPresent),
  });
  return { en: set(file.en), ar: set(file.ar), futureCodes: new Map(Object.entries(file.futureCodes)) };
}

/** Tokens before a trigger searched for a conditional: a clause is rarely longer, and an unbounded scan
 * makes a huge unpunctuated clause quadratic in its triggers. */
const CONDITIONAL_REACH = 60;

export interface ModalityFinding {
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
}

function tokenMatches(token: Token, key: string, lang: Lang): boolean {
  if (token.norm === key) return true;
  return lang === 'ar' && arabicBareStems(token.norm).includes(key);
}

/** Does `marker` end at token index `end - 1`? */
function endsAt(tokens: Token[], end: number, marker: string[], lang: Lang, lowest: number): boolean {
  const start = end - marker.length;
  if (start < lowest) return false;
  for (let k = 0; k < marker.length; k++) {
    const t = tokens[start + k];
    const key = marker[k];
    if (t === undefined || key === undefined || !tokenMatches(t, key, lang)) return false;
  }
  return true;
}

/** Markers by their last key, so each position looks up the markers that can end there (built once per list). */
const byLastKey = new WeakMap<string[][], Map<string, string[][]>>();
function indexByLast(markers: string[][]): Map<string, string[][]> {
  let index = byLastKey.get(markers);
  if (index === undefined) {
    index = new Map();
    for (const m of markers) {
      const last = m[m.length - 1] as string;
      const list = index.get(last);
      if (list === undefined) index.set(last, [m]);
      else list.push(m);
    }
    byLastKey.set(markers, index);
  }
  return index;
}

function anyEndsAt(tokens: Token[], end: number, markers: string[][] | undefined, lang: Lang, lowest: number): boolean {
  if (markers === undefined) return false;
  for (const m of markers) if (endsAt(tokens, end, m, lang, lowest)) return true;
  return false;
}

function anyBefore(tokens: Token[], markers: string[][], from: number, to: number, lang: Lang): boolean {
  if (markers.length === 0) return false;
  const index = indexByLast(markers);
  for (let end = to; end > from; end--) {
    const t = tokens[end - 1];
    if (t === undefined) continue;
    if (anyEndsAt(tokens, end, index.get(t.norm), lang, from)) return true;
    if (lang === 'ar') for (const stem of arabicBareStems(t.norm)) if (anyEndsAt(tokens, end, index.get(stem), lang, from)) return true;
  }
  return false;
}

/** How far back an English event noun looks for the will / ready to that governs the verb it is the object of. */
const NOUN_REACH = 12;
/** Words that open an adjunct or a new clause: a noun after them is not the marked verb's object. */
const OBJECT_BREAKS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'after', 'before', 'since', 'when', 'while', 'because', 'despite', 'following', 'amid', 'and', 'but', 'said', 'says']);

/**
 * "is ready to contribute 4,000 troops to a peacekeeping force": an English event noun in the object of a verb
 * that a future or intent marker governs lies in the future too, however long the object; a punctuation mark or
 * an adjunct word between ends the object.
 */
function nounInMarkedObject(tokens: Token[], trigger: number, clauseStart: number, markers: MarkerSet): boolean {
  const lowest = Math.max(clauseStart, trigger - NOUN_REACH);
  for (let end = trigger; end > lowest; end--) {
    const t = tokens[end - 1];
    // A mark inside a word or number ("4,000", "peace-keeping") is no break.
    const inside = t !== undefined && tokens[end - 2]?.end === t.start && tokens[end]?.start === t.end;
    if (t === undefined || (t.kind === 'punct' && !inside) || OBJECT_BREAKS.has(t.norm)) return false;
    // The marker ends at least one token (the governed verb) before the noun.
    if (end - 1 < trigger && (anyEndsAt(tokens, end - 1, markers.future, 'en', lowest) || anyEndsAt(tokens, end - 1, markers.intent, 'en', lowest))) return true;
  }
  return false;
}

/**
 * Markers before the trigger token at `trigger` (index into `tokens`), not crossing `clauseStart` (token index).
 * `futurePrefix`: the trigger itself carries future س (سيزور). `present`: the trigger is a present-tense verb.
 * `noun`: the trigger is an event noun (English nouns also look past the window, nounInMarkedObject).
 */
export function findModality(
  tokens: Token[],
  trigger: number,
  clauseStart: number,
  markers: MarkerSet,
  lang: Lang,
  futurePrefix: boolean,
  present: boolean,
  noun = false,
): ModalityFinding {
  const from = Math.max(clauseStart, trigger - markers.window);
  const negated =
    anyBefore(tokens, markers.negation, from, trigger, lang) ||
    markers.negationAdjacent.some((m) => endsAt(tokens, trigger, m, lang, clauseStart));
  const future =
    futurePrefix ||
    anyBefore(tokens, markers.future, from, trigger, lang) ||
    anyBefore(tokens, markers.intent, from, trigger, lang) ||
    (noun && lang === 'en' && nounInMarkedObject(tokens, trigger, clauseStart, markers));
  const hypothetical =
    anyBefore(tokens, markers.modal, from, trigger, lang) ||
    anyBefore(tokens, markers.conditional, Math.max(clauseStart, trigger - CONDITIONAL_REACH), trigger, lang) ||
    (present && markers.modalPresent.some((m) => endsAt(tokens, trigger, m, lang, clauseStart)));
  return { negated, future, hypothetical };
}
