// `rasad eval --gold DIR`: read gold.jsonl + texts/<doc>.txt (shared/eval/SCHEMA.md), code each text, score it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article, Lang } from '../document.js';
import { eventRecords, type EventRecord } from '../output.js';
import type { Pipeline } from '../pipeline.js';
import { addCounts, scoreDocument, zeroCounts, type DocScore, type GoldCounts, type GoldEvent, type SystemEvent } from './match.js';

const GoldEventSchema = z.object({
  source: z.string(),
  source_role: z.string().nullable(),
  source_text: z.string().optional(),
  target: z.string(),
  target_role: z.string().nullable(),
  target_text: z.string().optional(),
  cameo: z.string().regex(/^\d{2,4}$/),
  date: z.string().nullable(),
  evidence: z.string(),
  attributed_to: z.string().nullable().optional(),
  negated: z.boolean().optional(),
  hypothetical: z.boolean().optional(),
  optional: z.boolean().default(false),
});

const GoldDocSchema = z.object({
  doc: z.string(),
  lang: z.enum(['ar', 'en']),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable().optional(),
  events: z.array(GoldEventSchema),
});

export type GoldDoc = z.infer<typeof GoldDocSchema>;

export interface GoldInput {
  gold: GoldDoc;
  text: string;
  path: string;
}

export function readGoldDir(dir: string): GoldInput[] {
  const goldPath = join(dir, 'gold.jsonl');
  const lines = readFileSync(goldPath, 'utf8').split('\n');
  const out: GoldInput[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = GoldDocSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${goldPath}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid gold line'}`);
    const path = join(dir, 'texts', `${parsed.data.doc}.txt`);
    out.push({ gold: parsed.data, text: readFileSync(path, 'utf8'), path });
  });
  return out;
}

export function goldArticle(input: GoldInput): Article {
  const g = input.gold;
  return {
    text: input.text,
    meta: { id: g.doc, title: null, outlet: g.outlet, published: g.published, url: g.url ?? null, lang: g.lang, origin: input.path },
  };
}

export function systemEvent(r: EventRecord): SystemEvent {
  return {
    source: r.source?.id ?? null,
    sourceRole: r.source?.role ?? null,
    target: r.target?.id ?? null,
    targetRole: r.target?.role ?? null,
    code: r.cameo,
    date: r.date.value,
    evidence: r.evidence.text,
  };
}

export interface GoldDocResult {
  doc: string;
  lang: Lang;
  gold: GoldEvent[];
  system: SystemEvent[];
  score: DocScore;
}

export interface GoldRun {
  docs: GoldDocResult[];
  byLang: Partial<Record<Lang, GoldCounts>>;
  overall: GoldCounts;
}

/** Score already-coded documents (the CLI passes the pipeline's output; tests pass fakes). */
export function scoreGoldDocs(docs: Array<{ doc: string; lang: Lang; gold: GoldEvent[]; system: SystemEvent[] }>): GoldRun {
  const results: GoldDocResult[] = docs.map((d) => ({ ...d, score: scoreDocument(d.gold, d.system) }));
  const byLang: Partial<Record<Lang, GoldCounts>> = {};
  let overall = zeroCounts();
  for (const r of results) {
    byLang[r.lang] = addCounts(byLang[r.lang] ?? zeroCounts(), r.score.counts);
    overall = addCounts(overall, r.score.counts);
  }
  return { docs: results, byLang, overall };
}

export function runGold(inputs: GoldInput[], pipeline: Pipeline, lang?: Lang): GoldRun {
  const docs = inputs
    .filter((i) => !lang || i.gold.lang === lang)
    .map((input) => {
      const doc = pipeline.run(goldArticle(input));
      return { doc: input.gold.doc, lang: input.gold.lang, gold: input.gold.events, system: eventRecords(doc).map(systemEvent) };
    });
  return scoreGoldDocs(docs);
}
