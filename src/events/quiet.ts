// Sentences the event coder can pass over: no actor is named in them and no word of theirs may start a trigger of
// conflict. Why nothing is lost: with no actor named, an event can only be a protest (its protesters implied) or
// violence told without actors (see the stage), and Arabic adds actors named by kind (gunmen, protesters) only
// beside a trigger of conflict; a frame never turns another act into one of those (checked on the frame tables).
import type { Document, Sentence, Token } from '../document.js';
import type { EventLexicon, LanguagePatterns } from '../lexicon/events.js';
import { arabicBareStems, arabicReadings } from './arabic.js';
import { CONFLICT_ROOTS, INCIDENT_ROOTS } from './participants.js';
import { lowerBound } from './sentence.js';
import { MAX_GAP } from './triggers.js';

/** Does a mention that names an actor start inside the sentence? (The mentions a sentence view groups.) */
export function namesAnActor(doc: Document, sentence: Sentence): boolean {
  for (let i = lowerBound(doc.mentions, sentence.start); i < doc.mentions.length; i++) {
    const m = doc.mentions[i];
    if (m === undefined || m.start >= sentence.end) break;
    if (m.actors.length > 0) return true;
  }
  return false;
}

/** What the conflict forms a word starts need: nothing more (one-word forms), or one of these second words. */
interface Risk {
  alone: boolean;
  seconds: ReadonlySet<string>;
}
const NO_RISK: Risk = { alone: false, seconds: new Set() };

interface QuietTable {
  /** A frame table yields a protest or violence: no sentence is passed over. */
  never: boolean;
  byNorm: Map<string, Risk>;
}
const CACHE_LIMIT = 100_000;
const tables = new WeakMap<LanguagePatterns, QuietTable>();

function tableOf(patterns: LanguagePatterns): QuietTable {
  let table = tables.get(patterns);
  if (table === undefined) {
    let never = false;
    for (const codes of patterns.frames.values()) for (const code of codes.values()) if (INCIDENT_ROOTS.has(code.slice(0, 2))) never = true;
    table = { never, byNorm: new Map() };
    tables.set(patterns, table);
  }
  return table;
}

/** The conflict forms a word may start (any reading of it: a superset of what matching tries). */
function riskOf(patterns: LanguagePatterns, lexicon: EventLexicon, norm: string, arabic: boolean): Risk {
  let alone = false;
  const seconds = new Set<string>();
  for (const key of arabic ? arabicReadings(norm).map((r) => r.stem) : [norm]) {
    for (const form of patterns.byFirst.get(key) ?? []) {
      const code = form.pattern.code;
      const future = lexicon.modality.futureCodes.get(code);
      if (!CONFLICT_ROOTS.has(code.slice(0, 2)) && !(future !== undefined && INCIDENT_ROOTS.has(future.slice(0, 2)))) continue;
      const second = form.keys[1];
      if (second === undefined) alone = true;
      else seconds.add(second);
    }
  }
  return alone || seconds.size > 0 ? { alone, seconds } : NO_RISK;
}

/** Can the sentence (its tokens) yield no event whatever its triggers? */
export function quietSentence(doc: Document, sentence: Sentence, tokens: readonly Token[], patterns: LanguagePatterns, lexicon: EventLexicon): boolean {
  const table = tableOf(patterns);
  if (table.never || namesAnActor(doc, sentence)) return false;
  const arabic = doc.lang === 'ar';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    let risk = table.byNorm.get(t.norm);
    if (risk === undefined) {
      if (table.byNorm.size >= CACHE_LIMIT) table.byNorm.clear();
      risk = riskOf(patterns, lexicon, t.norm, arabic);
      table.byNorm.set(t.norm, risk);
    }
    if (risk.alone || (risk.seconds.size > 0 && secondFollows(tokens, i, risk.seconds, arabic))) return false;
  }
  return true;
}

/** Does a second word follow within reach, as trigger matching looks for it? */
function secondFollows(tokens: readonly Token[], head: number, seconds: ReadonlySet<string>, arabic: boolean): boolean {
  for (let j = head + 1; j <= head + 1 + MAX_GAP && j < tokens.length; j++) {
    const norm = (tokens[j] as Token).norm;
    if (seconds.has(norm)) return true;
    if (arabic) for (const stem of arabicBareStems(norm)) if (seconds.has(stem)) return true;
  }
  return false;
}
