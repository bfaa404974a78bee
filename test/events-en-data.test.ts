// Validates the English event pattern lexicon (data/events/en.json): format, CAMEO codes, coverage of every
// root, frames, and the inflected forms the loader builds (regular, irregular, restricted, plural).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
import { loadEventLexicon, type TriggerForm } from '../src/lexicon/events.js';
import { foldKey } from '../src/stages/normalise.js';

const wordList = z.array(z.string().min(1)).min(1);
const EntrySchema = z.strictObject({
  code: z.string().regex(/^\d{2,4}$/),
  kind: z.enum(['verb', 'noun']),
  words: wordList,
  target: wordList.optional(),
  source: wordList.optional(),
  mutual: z.boolean().optional(),
  context: wordList.optional(),
  not: wordList.optional(),
  priority: z.number().int().min(1).optional(),
  direct: z.boolean().optional(),
  forms: z.array(z.enum(['base', 's', 'ed', 'ing'])).min(1).optional(),
  governed: z.boolean().optional(),
});
const code = z.string().regex(/^\d{2,4}$/);
const FileSchema = z.strictObject({
  patterns: z.array(EntrySchema).min(1),
  frames: z.array(z.strictObject({ heads: z.array(code).min(1), codes: z.record(code, code) })),
});
type Entry = z.infer<typeof EntrySchema>;

const raw: unknown = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'events', 'en.json'), 'utf8'));
const parsed = FileSchema.safeParse(raw);
const patterns: Entry[] = parsed.success ? parsed.data.patterns : [];
const frames = parsed.success ? parsed.data.frames : [];
const lexicon = loadEventLexicon(DEFAULT_DATA_DIR);

const cameoCodes = new Set(
  readFileSync(join(DEFAULT_DATA_DIR, 'cameo', 'event_codes.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0] ?? '')
    .filter((c) => c !== ''),
);

/** Compiled forms whose full token sequence is `phrase` (folded, space-separated). */
function formsOf(phrase: string): TriggerForm[] {
  const keys = foldKey(phrase).split(' ');
  return (lexicon.en.byFirst.get(keys[0] ?? '') ?? []).filter((f) => f.keys.join(' ') === keys.join(' '));
}
const codesOf = (phrase: string, kind?: 'verb' | 'noun'): Set<string> =>
  new Set(formsOf(phrase).filter((f) => kind === undefined || f.pattern.kind === kind).map((f) => f.pattern.code));

describe('data/events/en.json: format', () => {
  it('parses with the pattern schema and has a large lexicon', () => {
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    expect(patterns.length).toBeGreaterThanOrEqual(400);
    expect(lexicon.en.patterns.length).toBe(patterns.length);
  });

  it('uses only CAMEO codes from data/cameo/event_codes.tsv, in patterns and frames', () => {
    expect(cameoCodes.size).toBeGreaterThan(200);
    expect(patterns.filter((e) => !cameoCodes.has(e.code)).map((e) => e.code)).toEqual([]);
    const frameCodes = frames.flatMap((f) => Object.values(f.codes));
    expect(frameCodes.filter((c) => !cameoCodes.has(c))).toEqual([]);
  });

  it('writes words in lower case without stray spaces', () => {
    const bad = patterns
      .flatMap((e) => [...e.words, ...(e.context ?? []), ...(e.not ?? []), ...(e.target ?? []), ...(e.source ?? [])])
      .filter((w) => w !== w.toLowerCase() || w !== w.trim() || w.includes('  '));
    expect(bad).toEqual([]);
  });

  it('keeps target and source prepositions to single words', () => {
    const bad = patterns.flatMap((e) => [...(e.target ?? []), ...(e.source ?? [])].filter((w) => w.includes(' ')));
    expect(bad).toEqual([]);
  });

  it('keeps entries unique (same code, kind, words, context, not and priority only once)', () => {
    const key = (e: Entry) => JSON.stringify([e.code, e.kind, e.words, e.context, e.not, e.priority ?? 1, e.target]);
    const keys = patterns.map(key);
    expect(keys.length - new Set(keys).size).toBe(0);
  });
});

describe('data/events/en.json: coverage', () => {
  it('has a verb and a noun entry for every CAMEO root 01-20', () => {
    const missing: string[] = [];
    for (let r = 1; r <= 20; r++) {
      const root = String(r).padStart(2, '0');
      for (const kind of ['verb', 'noun'] as const) {
        if (!patterns.some((e) => e.kind === kind && e.code.startsWith(root))) missing.push(`${root} ${kind}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('covers most of the CAMEO event table', () => {
    const used = new Set(patterns.map((e) => e.code));
    const leaves = [...cameoCodes].filter((c) => c.length >= 3);
    expect(used.size / leaves.length).toBeGreaterThan(0.6);
  });

  it('has frames for appeals, demands, intents, rejections and threats', () => {
    for (const head of ['020', '100', '030', '120', '130']) expect(lexicon.en.frames.get(head.slice(0, 2)) ?? lexicon.en.frames.get(head)).toBeDefined();
    expect(lexicon.en.frames.get('10')?.get('0874')).toBe('106');
    expect(lexicon.en.frames.get('130')?.get('163')).toBe('1312');
    expect(lexicon.en.frames.has('129')).toBe(false);
  });
});

describe('data/events/en.json: inflected forms', () => {
  it('inflects regular verbs (visit, kidnap, deny, agree)', () => {
    for (const f of ['visit', 'visits', 'visited', 'visiting']) expect(codesOf(f, 'verb').has('042')).toBe(true);
    expect(codesOf('kidnapped', 'verb').has('181')).toBe(true);
    expect(codesOf('denied', 'verb').has('016')).toBe(true);
    expect(codesOf('agreeing', 'verb').has('030')).toBe(true);
    expect(formsOf('visited')[0]?.shape).toBe('ed');
    expect(formsOf('visiting').find((f) => f.pattern.kind === 'verb')?.shape).toBe('ing');
  });

  it('adds irregular forms from en-irregular.json (met, held talks, struck, withdrew)', () => {
    expect(codesOf('met', 'verb').has('040')).toBe(true);
    expect(codesOf('held talks', 'verb').has('046')).toBe(true);
    expect(codesOf('withdrew', 'verb').has('080')).toBe(true);
    expect(formsOf('met').find((f) => f.pattern.code === '040')?.shape).toBe('ed');
  });

  it('restricts verbs whose base form is another word (march, free, shell)', () => {
    expect(codesOf('marched', 'verb').has('141')).toBe(true);
    expect(codesOf('march', 'verb').has('141')).toBe(false);
    expect(codesOf('freed', 'verb').has('084')).toBe(true);
    expect(codesOf('free', 'verb').has('084')).toBe(false);
    expect(codesOf('shelled', 'verb').has('194')).toBe(true);
    // The base form only where an infinitive or modal shows it is the verb ("threatened to shell").
    expect(formsOf('shell').every((f) => f.pattern.context.length > 0)).toBe(true);
  });

  it('pluralises the last word of event nouns (air strikes, embargoes, talks)', () => {
    expect(codesOf('air strikes', 'noun').has('195')).toBe(true);
    expect(codesOf('embargoes', 'noun').has('163')).toBe(true);
    expect(codesOf('talks', 'noun').has('046')).toBe(true);
    expect(codesOf('demonstrations', 'noun').has('141')).toBe(true);
  });
});
