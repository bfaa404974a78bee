// English inflection for trigger lookup: verb forms from a lemma and noun plurals. Over-generation is harmless
// (a form that never occurs is never looked up), so the rules stay simple.

export type EnglishForm = 'base' | 's' | 'ed' | 'ing';

const VOWELS = 'aeiou';

function isConsonant(c: string | undefined): boolean {
  return c !== undefined && /[a-z]/.test(c) && !VOWELS.includes(c);
}

/** Regular forms of a verb lemma, tagged. Consonant doubling is generated as an extra variant (ship -> shipped). */
export function regularVerbForms(lemma: string): Array<[string, EnglishForm]> {
  const out: Array<[string, EnglishForm]> = [[lemma, 'base']];
  const last = lemma[lemma.length - 1] ?? '';
  const prev = lemma[lemma.length - 2];
  if (last === 'e') {
    // agree -> agreeing, die -> dying, hope -> hoping.
    const ing = /(ee|oe|ye)$/.test(lemma) ? `${lemma}ing` : lemma.endsWith('ie') ? `${lemma.slice(0, -2)}ying` : `${lemma.slice(0, -1)}ing`;
    out.push([`${lemma}s`, 's'], [`${lemma}d`, 'ed'], [ing, 'ing']);
    return out;
  }
  if (last === 'y' && isConsonant(prev)) {
    const stem = lemma.slice(0, -1);
    out.push([`${stem}ies`, 's'], [`${stem}ied`, 'ed'], [`${lemma}ing`, 'ing']);
    return out;
  }
  if (/(s|x|z|ch|sh)$/.test(lemma)) out.push([`${lemma}es`, 's']);
  else out.push([`${lemma}s`, 's']);
  out.push([`${lemma}ed`, 'ed'], [`${lemma}ing`, 'ing']);
  const beforePrev = lemma[lemma.length - 3];
  if (isConsonant(last) && !'wxy'.includes(last) && prev !== undefined && VOWELS.includes(prev) && isConsonant(beforePrev)) {
    out.push([`${lemma}${last}ed`, 'ed'], [`${lemma}${last}ing`, 'ing']);
  }
  return out;
}

/** Tag an irregular form by its shape: -ing and -s are recognisable, the rest are past/participle forms. */
export function tagIrregular(form: string, lemma: string): EnglishForm {
  if (form === lemma) return 'base';
  if (form.endsWith('ing')) return 'ing';
  if (form.endsWith('s') && !lemma.endsWith('s')) return 's';
  return 'ed';
}

/** Plural of an event noun (visit -> visits, strategy -> strategies, crash -> crashes, embargo -> embargoes). */
export function nounForms(noun: string): string[] {
  const last = noun[noun.length - 1] ?? '';
  if (last === 's' && noun.endsWith('ss')) return [noun, `${noun}es`];
  if (last === 's') return [noun];
  if (last === 'y' && isConsonant(noun[noun.length - 2])) return [noun, `${noun.slice(0, -1)}ies`];
  if (/(x|z|ch|sh)$/.test(noun)) return [noun, `${noun}es`];
  // embargo -> embargoes, but also the -s spelling some write.
  if (last === 'o' && isConsonant(noun[noun.length - 2])) return [noun, `${noun}s`, `${noun}es`];
  return [noun, `${noun}s`];
}
