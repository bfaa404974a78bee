// Supporting cues of an event report: what, besides dyad, code and date, tells that two reports tell the
// same event. Taken from the report's evidence span: people named (lexicon ids, so Arabic and English meet),
// third-party actors and other states' capitals as places (the dyad's own actors are no cue: every candidate
// shares them), numbers, topical concepts (data/merge/cues.json), and pairs of adjacent content words
// (same-language retellings share them: a quoted name, an official's name).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Document, Span } from '../document.js';
import { DEFAULT_DATA_DIR } from '../lexicon/index.js';
import { PhraseMatcher } from '../lexicon/phrases.js';
import { phraseStems, stem, STEM_KEYS, tokenIndexAt } from './words.js';

const CueFileSchema = z.object({
  concepts: z.array(z.object({ id: z.string().regex(/^[a-z_]+$/), en: z.array(z.string()), ar: z.array(z.string()) })),
  stopwords: z.object({ en: z.array(z.string()), ar: z.array(z.string()) }),
});

export interface CueLexicon {
  concepts: PhraseMatcher<string>;
  /** Stems of function and ubiquitous words, left out of word pairs. */
  stop: ReadonlySet<string>;
}

let cached: CueLexicon | undefined;

export function loadCueLexicon(dataDir = DEFAULT_DATA_DIR): CueLexicon {
  if (dataDir === DEFAULT_DATA_DIR && cached) return cached;
  const path = join(dataDir, 'merge', 'cues.json');
  const parsed = CueFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid cue lexicon'}`);
  const concepts = new PhraseMatcher<string>(STEM_KEYS);
  for (const c of parsed.data.concepts) for (const phrase of [...c.en, ...c.ar]) concepts.add(phrase, c.id);
  const stop = new Set([...parsed.data.stopwords.en, ...parsed.data.stopwords.ar].flatMap(phraseStems));
  const lexicon = { concepts, stop };
  if (dataDir === DEFAULT_DATA_DIR) cached = lexicon;
  return lexicon;
}

/** Years are dates, not cues; 0 and 1 say too little. */
function numberCue(digits: string): string | null {
  const n = Number(digits);
  if (!Number.isFinite(n) || n < 2) return null;
  if (digits.length === 4 && n >= 1900 && n <= 2100) return null;
  return `n:${n}`;
}

/**
 * Cues of one report, sorted and unique. `dyad` holds the report's own actor ids, which are not cues
 * (every candidate shares them).
 */
export function reportCues(doc: Document, span: Span, dyad: ReadonlyArray<string | null>, lexicon: CueLexicon = loadCueLexicon()): string[] {
  const cues = new Set<string>();
  const own = new Set(dyad.filter((d): d is string => d !== null));
  const named: Span[] = [];
  for (const m of doc.mentions) {
    if (m.start < span.start || m.end > span.end) continue;
    named.push(m);
    if (m.kind === 'person') cues.add(`p:${m.entry}`);
    for (const a of m.actors) {
      if (own.has(a.id)) continue;
      cues.add(m.kind === 'capital' ? `g:${a.id}` : `a:${a.id}`);
    }
  }
  const first = tokenIndexAt(doc.tokens, span.start);
  const last = tokenIndexAt(doc.tokens, span.end);
  for (const hit of lexicon.concepts.matchAll(doc.tokens, first, last)) cues.add(`c:${hit.value}`);
  const inName = (i: number): boolean => {
    const t = doc.tokens[i];
    return t !== undefined && named.some((n) => t.start < n.end && t.end > n.start);
  };
  let previous: string | null = null;
  for (let i = first; i < last; i++) {
    const t = doc.tokens[i];
    if (!t) break;
    if (t.kind === 'number') {
      const cue = numberCue(t.norm);
      if (cue) cues.add(cue);
    }
    const s = t.kind === 'word' && !inName(i) ? stem(t.norm) : null;
    const content = s !== null && s.length >= 3 && !lexicon.stop.has(s) ? s : null;
    if (content && previous) cues.add(`w:${previous}_${content}`);
    previous = content;
  }
  return [...cues].sort();
}
