// Validates the Arabic event pattern lexicon (data/events/ar.json) against the format in
// notes/event-format.md and the CAMEO table, and spot-checks senses that are easy to get wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_DATA_DIR } from '../src/lexicon/index.js';
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
  governed: z.literal(true).optional(),
  objective: z.literal(true).optional(),
  passive: z.literal(true).optional(),
});
const FileSchema = z.strictObject({ patterns: z.array(EntrySchema).min(1) });
type Entry = z.infer<typeof EntrySchema>;

const raw: unknown = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'events', 'ar.json'), 'utf8'));
const parsed = FileSchema.safeParse(raw);
const patterns: Entry[] = parsed.success ? parsed.data.patterns : [];

const cameoCodes = new Set(
  readFileSync(join(DEFAULT_DATA_DIR, 'cameo', 'event_codes.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0] ?? '')
    .filter((code) => code !== ''),
);

const ARABIC_PHRASE = /^[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*$/;
const DIACRITIC = /[\u064b-\u065f\u0670\u0640]/;

/** Everything that tells two entries with the same word apart. */
function senseKey(e: Entry): string {
  const sorted = (xs: string[] | undefined) => (xs ?? []).map(foldKey).sort().join('|');
  return `${sorted(e.context)}#${sorted(e.not)}#${e.priority ?? 1}`;
}

// ---- a tiny reference matcher, written from the rules in event-format.md, for the spot checks.
// Verb forms: past X, Xت, Xا, Xتا, Xوا; present يX -> تX, يXان, تXان, يXون (on the first word of a phrase).
function verbForms(word: string): string[] {
  if (word.startsWith('ي')) {
    const stem = word.slice(1);
    return [word, `ت${stem}`, `ي${stem}ان`, `ت${stem}ان`, `ي${stem}ون`];
  }
  return [word, `${word}ت`, `${word}ا`, `${word}تا`, `${word}وا`];
}

/** Keys a text token may stand for once clitics (و ف ب ل ك) and the article are peeled off. */
function tokenKeys(token: string): Set<string> {
  const keys = new Set([token]);
  for (const k of [...keys]) if (/^[وف]/.test(k) && k.length > 3) keys.add(k.slice(1));
  for (const k of [...keys]) if (/^[بلك]/.test(k) && k.length > 3) keys.add(k.slice(1));
  for (const k of [...keys]) if (k.startsWith('لل') && k.length > 4) keys.add(k.slice(2));
  for (const k of [...keys]) if (k.startsWith('ال') && k.length > 3) keys.add(k.slice(2));
  return keys;
}

function matchesPhrase(tokens: Set<string>[], phrase: string, kind: Entry['kind']): boolean {
  const parts = foldKey(phrase).split(' ');
  const head = parts[0] ?? '';
  const heads = new Set(kind === 'verb' ? verbForms(head) : [head]);
  for (let i = 0; i < tokens.length; i++) {
    if (![...(tokens[i] ?? [])].some((k) => heads.has(k))) continue;
    let at = i;
    let ok = true;
    for (const part of parts.slice(1)) {
      let found = -1;
      for (let j = at + 1; j <= at + 3 && j < tokens.length; j++) {
        if (tokens[j]?.has(part)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return true;
  }
  return false;
}

/** Codes of the highest-priority entries that fire in a one-clause sentence. */
function codeClause(sentence: string): string[] {
  const tokens = foldKey(sentence.replace(/[.,،؛:!؟?«»"]/g, ' ')).split(' ').map(tokenKeys);
  const has = (w: string) => tokens.some((t) => t.has(foldKey(w)));
  const hits = patterns.filter(
    (e) =>
      e.words.some((w) => matchesPhrase(tokens, w, e.kind)) &&
      (e.context === undefined || e.context.some(has)) &&
      !(e.not ?? []).some(has),
  );
  const top = Math.max(0, ...hits.map((e) => e.priority ?? 1));
  return [...new Set(hits.filter((e) => (e.priority ?? 1) === top).map((e) => e.code))].sort();
}

describe('data/events/ar.json: format', () => {
  it('parses and every entry matches the pattern schema', () => {
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    expect(patterns.length).toBeGreaterThanOrEqual(350);
  });

  it('uses only CAMEO codes from data/cameo/event_codes.tsv', () => {
    expect(cameoCodes.size).toBeGreaterThan(200);
    expect(patterns.filter((e) => !cameoCodes.has(e.code)).map((e) => e.code)).toEqual([]);
  });

  it('writes Arabic words without diacritics, one space between tokens, at most 4 tokens', () => {
    const bad: string[] = [];
    for (const e of patterns) {
      for (const w of [...e.words, ...(e.target ?? []), ...(e.source ?? [])]) {
        if (!ARABIC_PHRASE.test(w) || DIACRITIC.test(w) || w.split(' ').length > 4) bad.push(`${e.code}:${w}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps context, not, target and source to single tokens', () => {
    const bad = patterns.flatMap((e) =>
      [...(e.context ?? []), ...(e.not ?? []), ...(e.target ?? []), ...(e.source ?? [])]
        .filter((w) => !ARABIC_PHRASE.test(w) || w.includes(' '))
        .map((w) => `${e.code}:${w}`),
    );
    expect(bad).toEqual([]);
  });

  it('lists nouns indefinite (no article on any token)', () => {
    const lexicalAl = new Set(['التماس']); // the ال here is part of the word
    const bad = patterns
      .filter((e) => e.kind === 'noun')
      .flatMap((e) => e.words.flatMap((w) => w.split(' ')))
      .filter((t) => t.startsWith('ال') && !lexicalAl.has(t));
    expect(bad).toEqual([]);
  });

  it('starts each verb entry with its past form, then its present form', () => {
    const bad = patterns
      .filter((e) => e.kind === 'verb' && e.words.length >= 2)
      .filter((e) => {
        const past = (e.words[0] ?? '').split(' ')[0] ?? '';
        const present = (e.words[1] ?? '').split(' ')[0] ?? '';
        return past.startsWith('ي') || !present.startsWith('ي');
      })
      .map((e) => e.words.join('/'));
    expect(bad).toEqual([]);
  });

  it('lists the 3rd-person forms of defective verbs that the suffix rule would get wrong', () => {
    const missing: string[] = [];
    for (const e of patterns.filter((p) => p.kind === 'verb' && p.words.length >= 2)) {
      const heads = new Set(e.words.map((w) => w.split(' ')[0] ?? ''));
      const past = e.words[0]?.split(' ')[0] ?? '';
      const present = e.words[1]?.split(' ')[0] ?? '';
      if (/[اى]$/.test(past)) {
        for (const f of [`${past.slice(0, -1)}ت`, `${past.slice(0, -1)}وا`]) if (!heads.has(f)) missing.push(f);
      }
      if (/[ويى]$/.test(present) && !heads.has(`${present.slice(0, -1)}ون`)) missing.push(`${present.slice(0, -1)}ون`);
    }
    expect(missing).toEqual([]);
  });
});

describe('data/events/ar.json: coverage and consistency', () => {
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

  it('never gives one word two codes unless context, not or priority tell the entries apart', () => {
    const byWord = new Map<string, Entry[]>();
    for (const e of patterns) {
      for (const w of e.words) {
        const key = `${e.kind}:${foldKey(w)}`;
        byWord.set(key, [...(byWord.get(key) ?? []), e]);
      }
    }
    const clashes: string[] = [];
    for (const [word, entries] of byWord) {
      const codeBySense = new Map<string, string>();
      for (const e of entries) {
        const prior = codeBySense.get(senseKey(e));
        if (prior !== undefined && prior !== e.code) clashes.push(`${word} ${prior}/${e.code}`);
        codeBySense.set(senseKey(e), e.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps entries unique (same code, kind, words and sense only once)', () => {
    const keys = patterns.map((e) => `${e.code}:${e.kind}:${e.words.map(foldKey).join(',')}:${senseKey(e)}`);
    expect(keys.length - new Set(keys).size).toBe(0);
  });
});

describe('data/events/ar.json: spot checks', () => {
  const entriesWith = (kind: Entry['kind'], word: string) =>
    patterns.filter((e) => e.kind === kind && e.words.some((w) => foldKey(w) === foldKey(word)));

  it('lists the defective forms of دعا and التقى', () => {
    const dua = entriesWith('verb', 'دعا').find((e) => e.code === '020');
    expect(dua?.words).toEqual(expect.arrayContaining(['دعت', 'دعوا', 'يدعون']));
    const met = entriesWith('verb', 'التقى')[0];
    expect(met?.code).toBe('040');
    expect(met?.mutual).toBe(true);
    expect(met?.words).toEqual(expect.arrayContaining(['التقت', 'التقوا', 'يلتقون']));
  });

  it('codes قال only as a statement, and visits as 042', () => {
    expect(new Set(entriesWith('verb', 'قال').map((e) => e.code))).toEqual(new Set(['010']));
    expect(entriesWith('verb', 'زار').map((e) => e.code)).toEqual(['042']);
    expect(entriesWith('noun', 'زيارة').map((e) => e.code)).toEqual(['042']);
  });

  it('never lets the ambiguous وقع (sign / happen) or تحقيق (investigation / achieving) fire without context', () => {
    expect(entriesWith('verb', 'وقع').length).toBeGreaterThan(0);
    expect(entriesWith('verb', 'وقع').filter((e) => e.context === undefined)).toEqual([]);
    expect(entriesWith('noun', 'تحقيق').filter((e) => e.context === undefined)).toEqual([]);
  });

  it('resolves context and priority to the intended code in sample clauses', () => {
    expect(codeClause('وقعت مصر والأردن اتفاقية للتعاون العسكري')).toContain('057');
    expect(codeClause('وقع انفجار قوي في السوق المركزي')).toEqual(['183']);
    expect(codeClause('دعت الكويت الطرفين إلى الحوار')).toEqual(['026']);
    expect(codeClause('طالبت الحكومة بانسحاب القوات الأجنبية')).toEqual(['106']);
    expect(codeClause('طالب الوفد بمساعدات إنسانية عاجلة')).toEqual(['0233']);
    expect(codeClause('اتفق البلدان على إجراء تدريبات عسكرية')).toEqual(['0312']);
    expect(codeClause('هددت الحكومة بإغلاق الممر المائي بالقوة')).toEqual(['1381']);
    expect(codeClause('رفضت الوزارة التعليق على التقارير')).toEqual(['011']);
    expect(codeClause('أفرجت السلطات عن ثلاثة صحفيين')).toEqual(['0841']);
    expect(codeClause('تظاهر آلاف الطلاب في العاصمة')).toEqual(['141']);
    expect(codeClause('اتهمت الحكومة المعارض بالتجسس')).toEqual(['1125']);
    expect(codeClause('استدعت الخارجية السفير وسلمته مذكرة احتجاج')).toEqual(['114']);
    expect(codeClause('حققت الشركة أرباحا كبيرة هذا العام')).toEqual([]);
  });
});
