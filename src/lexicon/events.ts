// The event pattern lexicon (verbs and event nouns per CAMEO code, Arabic and English) from data/events,
// compiled into one Map per language keyed by the first token of every inflected form: one lookup per token.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../document.js';
import { arabicVerbForms } from '../events/arabic.js';
import { nounForms, regularVerbForms, tagIrregular, type EnglishForm } from '../events/english.js';
import { loadModality, type Modality } from '../events/modality.js';
import { loadUnidentified, type UnidentifiedLexicon } from '../events/unidentified.js';
import { loadArabicCues, type ArabicCues } from '../events/arabic-arguments.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';

const Entry = z.object({
  code: z.string().regex(/^\d{2,4}$/),
  kind: z.enum(['verb', 'noun']),
  words: z.array(z.string().min(1)).min(1),
  target: z.array(z.string()).optional(),
  source: z.array(z.string()).optional(),
  mutual: z.boolean().optional(),
  context: z.array(z.string()).optional(),
  not: z.array(z.string()).optional(),
  priority: z.number().optional(),
  /** Extension: may a bare actor after a verb be the target (direct object)? Default: yes, except root 01. */
  direct: z.boolean().optional(),
  /** Nouns that name a state as often as an act (التعاون، الشراكة): an event only under a governing verb. */
  governed: z.boolean().optional(),
  /** Nouns whose genitive suffers the act (مقتل الجنود، اغتيال الرئيس): it is the target, not the agent. */
  objective: z.boolean().optional(),
  /** Arabic verbs written only in the passive (أصيب، اغتيل، لقي مصرعه): who is named suffers it; a doer phrase
   * (على يد X، برصاص X) names who did it. */
  passive: z.boolean().optional(),
  /** English verbs: only these inflected forms (a base form that is also an adjective or noun: free, march). */
  forms: z.array(z.enum(['base', 's', 'ed', 'ing'])).optional(),
});
const CodeKey = z.string().regex(/^\d{2,4}$/);
/** Frames: heads (code prefixes) whose complement's code (by prefix) gives the combined code: urge + withdraw -> 0256. */
const FrameTable = z.array(z.object({ heads: z.array(CodeKey).min(1), codes: z.record(CodeKey, CodeKey) }));
const PatternFile = z.object({ patterns: z.array(Entry), frames: FrameTable.optional() });
const IrregularFile = z.record(z.string(), z.array(z.string()));

export type PatternEntry = z.infer<typeof Entry>;

/** One lexicon entry, ready for matching (keys folded). */
export interface EventPattern {
  lang: Lang;
  code: string;
  kind: 'verb' | 'noun';
  /** The phrase as written in the data, for messages. */
  label: string;
  target: Set<string> | null;
  source: Set<string> | null;
  mutual: boolean;
  /** Context words (folded token sequences): one must occur in the clause. Empty: no condition. */
  context: string[][];
  not: string[][];
  priority: number;
  direct: boolean;
  governed: boolean;
  objective: boolean;
  passive: boolean;
}

/** What the first token of a trigger tells: English verb form, Arabic tense, or a noun. */
export type TriggerShape = EnglishForm | 'past' | 'present' | 'noun';

/** One inflected form of a pattern: its folded token keys (the first one is the index key). */
export interface TriggerForm {
  pattern: EventPattern;
  keys: string[];
  shape: TriggerShape;
}

export interface LanguagePatterns {
  byFirst: Map<string, TriggerForm[]>;
  patterns: EventPattern[];
  /** Head code prefix -> complement code prefix -> combined code (empty when the language has none). */
  frames: Map<string, Map<string, string>>;
}

export interface EventLexicon {
  readonly size: number;
  readonly en: LanguagePatterns;
  readonly ar: LanguagePatterns;
  readonly modality: Modality;
  /** Actors named only by kind (protesters, gunmen): data/actors/unidentified.json. */
  readonly unidentified: UnidentifiedLexicon;
  /** Arabic argument cues: governing verbs of event nouns, protest-target words (data/events/ar-arguments.json). */
  readonly arCues: ArabicCues;
}

function keysOf(phrase: string): string[] {
  return tokenise(foldKey(phrase)).map((t) => t.norm);
}

function foldSet(words: string[] | undefined): Set<string> | null {
  if (words === undefined || words.length === 0) return null;
  return new Set(words.map((w) => foldKey(w)));
}

function compilePattern(entry: PatternEntry, lang: Lang): EventPattern {
  return {
    lang,
    code: entry.code,
    kind: entry.kind,
    label: entry.words.join(' | '),
    target: foldSet(entry.target),
    source: foldSet(entry.source),
    mutual: entry.mutual ?? false,
    context: (entry.context ?? []).map(keysOf).filter((k) => k.length > 0),
    not: (entry.not ?? []).map(keysOf).filter((k) => k.length > 0),
    priority: entry.priority ?? 1,
    direct: entry.direct ?? (entry.kind === 'verb' && !entry.code.startsWith('01')),
    governed: entry.governed ?? false,
    objective: entry.objective ?? false,
    passive: entry.passive ?? false,
  };
}

/** English: inflect the first word of the phrase (verbs: lemma forms + irregulars; nouns: plural). */
function englishForms(
  phrase: string[],
  kind: 'verb' | 'noun',
  irregular: Map<string, string[]>,
  only?: ReadonlyArray<EnglishForm>,
): Array<[string[], TriggerShape]> {
  const [head, ...rest] = phrase;
  if (head === undefined) return [];
  if (kind === 'noun') {
    // Inflect the last word of a noun phrase ("peace talks", "air strike" -> "air strikes").
    const last = phrase[phrase.length - 1] ?? head;
    return nounForms(last).map((f) => [[...phrase.slice(0, -1), f], 'noun']);
  }
  const forms = new Map<string, EnglishForm>(regularVerbForms(head).map(([f, t]) => [f, t]));
  const irr = irregular.get(head);
  if (irr) {
    // An irregular verb's regular past (meeted) is not a word, but harmless; its listed forms are what matter.
    for (const f of irr) forms.set(f, tagIrregular(f, head));
  }
  return [...forms].filter(([, shape]) => only === undefined || only.includes(shape)).map(([f, shape]) => [[f, ...rest], shape]);
}

function arabicForms(phrase: string[], kind: 'verb' | 'noun'): Array<[string[], TriggerShape]> {
  const [head, ...rest] = phrase;
  if (head === undefined) return [];
  if (kind === 'noun') return [[phrase, 'noun']];
  // The past/present split follows the listed form: يزور -> present forms, زار -> past forms.
  const shape: TriggerShape = head.startsWith('ي') ? 'present' : 'past';
  return arabicVerbForms(head).map((f) => [[f, ...rest], shape]);
}

function readPatterns(path: string): z.infer<typeof PatternFile> {
  if (!existsSync(path)) return { patterns: [] };
  const parsed = PatternFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data;
}

export type FrameData = z.infer<typeof FrameTable>;

function compileFrames(data: FrameData | undefined): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const frame of data ?? []) {
    const codes = new Map(Object.entries(frame.codes));
    for (const head of frame.heads) out.set(head, codes);
  }
  return out;
}

function readIrregular(path: string): Map<string, string[]> {
  if (!existsSync(path)) return new Map();
  const data = IrregularFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  return new Map(Object.entries(data).map(([lemma, forms]) => [foldKey(lemma), forms.map((f) => foldKey(f))]));
}

export function compilePatterns(
  entries: PatternEntry[],
  lang: Lang,
  irregular: Map<string, string[]> = new Map(),
  frames?: FrameData,
): LanguagePatterns {
  const byFirst = new Map<string, TriggerForm[]>();
  const patterns: EventPattern[] = [];
  for (const entry of entries) {
    const pattern = compilePattern(entry, lang);
    patterns.push(pattern);
    for (const word of entry.words) {
      const keys = keysOf(word);
      if (keys.length === 0) continue;
      const forms = lang === 'en' ? englishForms(keys, entry.kind, irregular, entry.forms) : arabicForms(keys, entry.kind);
      for (const [formKeys, shape] of forms) {
        const first = formKeys[0];
        if (first === undefined) continue;
        const list = byFirst.get(first) ?? [];
        if (!list.some((f) => f.pattern === pattern && f.keys.join(' ') === formKeys.join(' '))) {
          list.push({ pattern, keys: formKeys, shape });
        }
        byFirst.set(first, list);
      }
    }
  }
  return { byFirst, patterns, frames: compileFrames(frames) };
}

export function loadEventLexicon(dataDir: string): EventLexicon {
  const dir = join(dataDir, 'events');
  const irregular = readIrregular(join(dir, 'en-irregular.json'));
  const enFile = readPatterns(join(dir, 'en.json'));
  const arFile = readPatterns(join(dir, 'ar.json'));
  const en = compilePatterns(enFile.patterns, 'en', irregular, enFile.frames);
  const ar = compilePatterns(arFile.patterns, 'ar', new Map(), arFile.frames);
  const modality = loadModality(join(dir, 'modality.json'));
  const unidentified = loadUnidentified(join(dataDir, 'actors', 'unidentified.json'));
  const arCues = loadArabicCues(join(dir, 'ar-arguments.json'));
  return { size: en.patterns.length + ar.patterns.length, en, ar, modality, unidentified, arCues };
}
