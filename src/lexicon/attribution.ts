// The attribution lexicon: reporting frames (according to, said, بحسب، كشف موقع) and news outlets, from
// data/attribution, validated with zod and folded once into Maps keyed by the first folded token.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../document.js';
import { foldKey } from '../stages/normalise.js';
import { tokenise } from '../stages/segment.js';

const LangFramesSchema = z.object({
  prefix: z.array(z.string()),
  verbs: z.array(z.string()),
  heads: z.array(z.string()),
  skip: z.array(z.string()),
  background: z.array(z.string()),
  nested: z.array(z.string()),
  told: z.array(z.string()),
  bareNext: z.array(z.string()),
  stop: z.array(z.string()),
  /** Words that can open an unnamed claimant (مصادر، الوزير، officials): "according to the plan" is no source. */
  claimants: z.array(z.string()),
});
const FramesSchema = z.object({ ar: LangFramesSchema, en: LangFramesSchema });
const OutletsSchema = z.array(
  z.object({
    name: z.string().min(1),
    en: z.array(z.string()),
    ar: z.array(z.string()),
    needsHead: z.boolean().optional(),
  }),
);

/** A phrase as folded tokens, indexed under its first token. */
export interface PhraseEntry<T> {
  tokens: string[];
  value: T;
}
export type PhraseMap<T> = Map<string, PhraseEntry<T>[]>;

export interface Outlet {
  name: string;
  /** Only a claimant after a head word (صحيفة الشرق الأوسط): the bare form is also a region or a common word. */
  needsHead: boolean;
  /** Short all-caps acronyms (AP, SPA, WAM) match only when upper case in the original. */
  upper: string | null;
}

export interface LangFrames {
  prefix: PhraseMap<true>;
  background: PhraseMap<true>;
  verbs: Set<string>;
  heads: Set<string>;
  skip: Set<string>;
  nested: Set<string>;
  told: Set<string>;
  bareNext: Set<string>;
  stop: Set<string>;
  claimants: Set<string>;
}

export interface AttributionLexicon {
  readonly size: number;
  readonly outlets: PhraseMap<Outlet>;
  readonly frames: Record<Lang, LangFrames>;
}

function foldTokens(phrase: string): string[] {
  const key = foldKey(phrase);
  return tokenise(key).map((t) => t.norm);
}

function addPhrase<T>(map: PhraseMap<T>, phrase: string, value: T): void {
  const tokens = foldTokens(phrase);
  const first = tokens[0];
  if (first === undefined) return;
  const list = map.get(first) ?? [];
  list.push({ tokens, value });
  list.sort((a, b) => b.tokens.length - a.tokens.length); // longest match first
  map.set(first, list);
}

function foldSet(words: string[]): Set<string> {
  return new Set(words.map((w) => foldKey(w)));
}

function compileFrames(raw: z.infer<typeof LangFramesSchema>): LangFrames {
  const prefix: PhraseMap<true> = new Map();
  for (const p of raw.prefix) addPhrase(prefix, p, true);
  const background: PhraseMap<true> = new Map();
  for (const p of raw.background) addPhrase(background, p, true);
  return {
    prefix,
    background,
    verbs: foldSet(raw.verbs),
    heads: foldSet(raw.heads),
    skip: foldSet(raw.skip),
    nested: foldSet(raw.nested),
    told: foldSet(raw.told),
    bareNext: foldSet(raw.bareNext),
    stop: foldSet(raw.stop),
    claimants: foldSet(raw.claimants),
  };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function compileAttributionLexicon(framesRaw: unknown, outletsRaw: unknown): AttributionLexicon {
  const frames = FramesSchema.parse(framesRaw);
  const outletRows = OutletsSchema.parse(outletsRaw);
  const outlets: PhraseMap<Outlet> = new Map();
  for (const row of outletRows) {
    const needsHead = row.needsHead ?? false;
    for (const en of row.en) {
      const upper = /^[A-Z]{2,4}$/.test(en) ? en : null;
      addPhrase(outlets, en, { name: row.name, needsHead, upper });
    }
    for (const ar of row.ar) addPhrase(outlets, ar, { name: row.name, needsHead, upper: null });
  }
  return { size: outletRows.length, outlets, frames: { ar: compileFrames(frames.ar), en: compileFrames(frames.en) } };
}

export function loadAttributionLexicon(dataDir: string): AttributionLexicon {
  const dir = join(dataDir, 'attribution');
  const framesPath = join(dir, 'frames.json');
  const outletsPath = join(dir, 'outlets.json');
  if (!existsSync(framesPath) || !existsSync(outletsPath)) {
    throw new Error(`attribution data missing in ${dir} (frames.json, outlets.json)`);
  }
  return compileAttributionLexicon(readJson(framesPath), readJson(outletsPath));
}
