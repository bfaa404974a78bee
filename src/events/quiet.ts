// Sentences the event coder can pass over: no actor is named in them and no word of theirs may start a trigger of
// conflict. Why nothing is lost: with no actor named, an event can only be a protest (its protesters implied) or
// violence told without actors (see the stage), and Arabic adds actors named by kind (gunmen, protesters) only
// beside a trigger of conflict; a frame never turns another act into one of those (checked on the frame tables).
import type { Document, Sentence, Token } from '../document.js';
import type { EventLexicon, LanguagePatterns } from '../lexicon/events.js';
import { arabicReadings } from './arabic.js';
import { CONFLICT_ROOTS, INCIDENT_ROOTS } from './participants.js';
import { lowerBound } from './sentence.js';

/** Does a mention that names an actor start inside the sentence? (The mentions a sentence view groups.) */
export function namesAnActor(doc: Document, sentence: Sentence): boolean {
  for (let i = lowerBound(doc.mentions, sentence.start); i < doc.mentions.length; i++) {
    const m = doc.mentions[i];
    if (m === undefined || m.start >= sentence.end) break;
    if (m.actors.length > 0) return true;
  }
  return false;
}

interface QuietTable {
  /** A frame table yields a protest or violence: no sentence is passed over. */
  never: boolean;
  byNorm: Map<string, boolean>;
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

/** Could a form this word starts (any reading of it, a superset of what matching tries) tell conflict? */
function mayStartConflict(patterns: LanguagePatterns, lexicon: EventLexicon, norm: string, arabic: boolean): boolean {
  const keys = arabic ? arabicReadings(norm).map((r) => r.stem) : [norm];
  for (const key of keys) {
    for (const form of patterns.byFirst.get(key) ?? []) {
      const code = form.pattern.code;
      const future = lexicon.modality.futureCodes.get(code);
      if (CONFLICT_ROOTS.has(code.slice(0, 2)) || (future !== undefined && INCIDENT_ROOTS.has(future.slice(0, 2)))) return true;
    }
  }
  return false;
}

/** Can the sentence (its tokens) yield no event whatever its triggers? */
export function quietSentence(doc: Document, sentence: Sentence, tokens: readonly Token[], patterns: LanguagePatterns, lexicon: EventLexicon): boolean {
  const table = tableOf(patterns);
  if (table.never || namesAnActor(doc, sentence)) return false;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    let risky = table.byNorm.get(t.norm);
    if (risky === undefined) {
      if (table.byNorm.size >= CACHE_LIMIT) table.byNorm.clear();
      risky = mayStartConflict(patterns, lexicon, t.norm, doc.lang === 'ar');
      table.byNorm.set(t.norm, risky);
    }
    if (risky) return false;
  }
  return true;
}
