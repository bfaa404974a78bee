// Where a sentence's event happened, as a state: "في العراق", "شمال بغداد", a city of the gazetteer (في البصرة),
// a capital named anywhere, or a nisba after a place word (في البقاع اللبناني، العاصمة الأفغانية). Unidentified
// actors (protesters, gunmen, the killed) take this country.
import type { Actor } from '../document.js';
import { foldKey } from '../stages/normalise.js';
import { arabicBareStems } from './arabic.js';
import { introduction } from './arguments.js';
import type { Group, SentenceView } from './sentence.js';
import type { PlacePhrase, UnidentifiedLexicon } from './unidentified.js';

const LOCATIVE = new Set(
  ['في', 'ب', 'داخل', 'قرب', 'بالقرب', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'أنحاء', 'مدينة', 'مدن', 'عاصمة', 'ضواحي', 'محافظة', 'أراضي', 'شوارع'].map(foldKey),
);

function stateOf(g: Group): Actor | null {
  const states = g.refs.filter((r) => r.actor.id.length === 3);
  return states.length === 1 && states[0] ? states[0].actor : null;
}

function locative(view: SentenceView, at: number, intro: string | undefined): boolean {
  return (intro !== undefined && LOCATIVE.has(intro)) || view.stems(at - 1).some((s) => LOCATIVE.has(s));
}

/** A word's stems that start a gazetteer name, with those names: memoised per lexicon (most words start none). */
const CACHE_LIMIT = 100_000;
const placeStarts = new WeakMap<UnidentifiedLexicon, Map<string, Array<[string, PlacePhrase[]]>>>();
function placesStartingAt(lex: UnidentifiedLexicon, norm: string): Array<[string, PlacePhrase[]]> {
  let cache = placeStarts.get(lex);
  if (cache === undefined) {
    cache = new Map();
    placeStarts.set(lex, cache);
  }
  let found = cache.get(norm);
  if (found === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    found = [];
    for (const stem of arabicBareStems(norm)) {
      const places = lex.places.get(stem);
      if (places !== undefined) found.push([stem, places]);
    }
    cache.set(norm, found);
  }
  return found;
}

/** Gazetteer cities in the sentence: token index, state, and whether a glued or separate place word introduces it. */
function cities(view: SentenceView, lex: UnidentifiedLexicon): Array<{ at: number; state: Actor; locative: boolean }> {
  const out: Array<{ at: number; state: Actor; locative: boolean }> = [];
  for (let i = 0; i < view.tokens.length; i++) {
    const t = view.tokens[i];
    if (t === undefined || t.kind !== 'word') continue;
    for (const [stem, places] of placesStartingAt(lex, t.norm)) {
      const hit = places.find((p) => p.tokens.every((k, j) => j === 0 || view.tokens[i + j]?.norm === k));
      // بالبصرة (a glued particle), في البصرة, شمال البصرة.
      if (hit) {
        out.push({ at: i, state: hit.state, locative: stem !== t.norm || locative(view, i, undefined) });
        break;
      }
    }
  }
  return out;
}

/** The sentence's place: the first state, capital, city or nisba a place word introduces; else a capital, else a city. */
export function placeOf(view: SentenceView, lex: UnidentifiedLexicon): Actor | null {
  const candidates: Array<{ at: number; state: Actor; locative: boolean; capital: boolean }> = [];
  for (const g of view.groups) {
    const state = stateOf(g);
    if (state === null) continue;
    const kind = g.refs[0]?.mention.kind;
    if (kind !== 'state' && kind !== 'capital' && kind !== 'nisba') continue;
    const at = locative(view, g.first, introduction(view, g)?.word);
    if (kind === 'nisba' && !at) continue;
    candidates.push({ at: g.first, state, locative: at, capital: kind === 'capital' });
  }
  const towns = cities(view, lex);
  candidates.push(...towns.map((c) => ({ ...c, capital: false })));
  candidates.sort((a, b) => a.at - b.at);
  return (candidates.find((c) => c.locative) ?? candidates.find((c) => c.capital) ?? towns[0])?.state ?? null;
}
