// Arabic morphology for trigger lookup: clitic stripping on folded tokens and 3rd-person verb forms.
// Works on folded keys (ة -> ه, أ/إ/آ -> ا, ى -> ي), so suffixes and prefixes are written folded here.

/** One way of reading a token: the stem to look up and what was stripped to get it. */
export interface ArabicReading {
  stem: string;
  /** و or ف in front. */
  conj: boolean;
  /** ب ل ك in front (a particle glued to the word). */
  prep: string | null;
  /** the definite article ال (nouns only). */
  article: boolean;
  /** future س before a present verb. */
  future: boolean;
  /** a pronoun suffix was removed (possessive on nouns, object on verbs). */
  suffix: boolean;
  /** the alif of an indefinite accusative was removed (احتجاجا، هجوما): nouns only. */
  tanween?: boolean;
}

const PRONOUN_SUFFIXES = ['هما', 'هم', 'هن', 'ها', 'كما', 'كم', 'نا', 'ه', 'ك'];
const MIN_STEM = 2;

function push(out: ArabicReading[], seen: Set<string>, r: ArabicReading): void {
  const key = `${r.stem}|${r.article ? 1 : 0}|${r.future ? 1 : 0}|${r.prep ?? ''}|${r.suffix ? 1 : 0}|${r.tanween ? 1 : 0}`;
  if (r.stem.length < MIN_STEM || seen.has(key)) return;
  seen.add(key);
  out.push(r);
}

/** Strip a pronoun suffix; a ت left in front of it is a ة (folded ه): زيارتها -> زياره. */
function withoutSuffix(stem: string): string[] {
  const out: string[] = [];
  for (const s of PRONOUN_SUFFIXES) {
    if (stem.length - s.length < 3 || !stem.endsWith(s)) continue;
    const rest = stem.slice(0, -s.length);
    out.push(rest);
    if (rest.endsWith('ت')) out.push(`${rest.slice(0, -1)}ه`);
    // Verbs with a suffix: دعاه, التقاها -> التقي (final alef written ى before suffixes is rare, keep both).
    if (rest.endsWith('ا') && rest.length >= 3) out.push(`${rest.slice(0, -1)}ي`);
  }
  // Dual of a feminine noun: اتفاقيتين / اتفاقيتان -> اتفاقيه.
  for (const s of ['تين', 'تان']) {
    if (stem.length > s.length + 2 && stem.endsWith(s)) out.push(`${stem.slice(0, -s.length)}ه`);
  }
  return out;
}

/**
 * Every plausible reading of a folded Arabic token, the unstripped one first. The lexicon is the filter:
 * a wrong reading costs one failed Map lookup.
 */
export function arabicReadings(token: string): readonly ArabicReading[] {
  return memo(readingCache, token, computeReadings);
}

/** News vocabulary repeats: readings are memoised per folded token (bounded, cleared when full). */
const CACHE_LIMIT = 100_000;
const readingCache = new Map<string, readonly ArabicReading[]>();
const stemCache = new Map<string, string[]>();

function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

function computeReadings(token: string): ArabicReading[] {
  const out: ArabicReading[] = [];
  const seen = new Set<string>();
  const base: ArabicReading = { stem: token, conj: false, prep: null, article: false, future: false, suffix: false };
  const fronts: ArabicReading[] = [base];
  if ((token.startsWith('و') || token.startsWith('ف')) && token.length > 3) {
    fronts.push({ ...base, stem: token.slice(1), conj: true });
  }
  const stage2: ArabicReading[] = [];
  for (const f of fronts) {
    stage2.push(f);
    const s = f.stem;
    if (s.startsWith('لل') && s.length > 4) {
      // ل + ال: للزياره -> زياره
      stage2.push({ ...f, stem: s.slice(2), prep: 'ل', article: true });
      continue;
    }
    const first = s[0];
    if ((first === 'ب' || first === 'ل' || first === 'ك') && s.length > 3) stage2.push({ ...f, stem: s.slice(1), prep: first });
    if (first === 'س' && s.length > 3 && 'يتن'.includes(s[1] ?? '')) stage2.push({ ...f, stem: s.slice(1), future: true });
  }
  for (const r of stage2) {
    push(out, seen, r);
    if (!r.future && r.stem.startsWith('ال') && r.stem.length > 3) push(out, seen, { ...r, stem: r.stem.slice(2), article: true });
  }
  const bare = out.slice();
  for (const r of bare) {
    if (r.article) continue; // الزيارتها is not a word; possessives take no article
    for (const stem of withoutSuffix(r.stem)) push(out, seen, { ...r, stem, suffix: true });
    // احتجاجاً، هجوماً: the written alif of the indefinite accusative (no article, no suffix).
    if (r.stem.endsWith('ا') && r.stem.length >= 4) push(out, seen, { ...r, stem: r.stem.slice(0, -1), tanween: true });
  }
  return out;
}

/** Strip و/ف and ب/ل/ك and ال from a token, for matching function words and context words. */
export function arabicBareStems(token: string): string[] {
  return memo(stemCache, token, (t) =>
    arabicReadings(t)
      .filter((r) => !r.suffix && !r.future && !r.tanween)
      .map((r) => r.stem),
  );
}

/**
 * 3rd-person forms of an Arabic verb given as past (زار) or present (يزور), folded.
 * Past X: X, Xت, Xا, Xتا, Xوا. Present يX: يX, تX, يXان, تXان, يXون, and the subjunctive/jussive يXوا, تXا, يXن;
 * a hollow verb's jussive drops its long vowel (لم يزر، لم تقم).
 */
export function arabicVerbForms(word: string): string[] {
  if (word.includes(' ')) return [word];
  if (word.startsWith('ي') && word.length >= 3) {
    const x = word.slice(1);
    const forms = [word, `ت${x}`, `ي${x}ان`, `ت${x}ان`, `ي${x}ون`, `ي${x}وا`, `ت${x}ا`, `ي${x}ن`];
    if (x.length === 3 && 'واي'.includes(x[1] as string)) forms.push(`ي${x[0]}${x[2]}`, `ت${x[0]}${x[2]}`);
    return forms;
  }
  return [word, `${word}ت`, `${word}ا`, `${word}تا`, `${word}وا`];
}
