// One sentence as the event coder sees it: its tokens, its clauses (as token ranges) and its actor mentions
// joined into coordination groups ("Qatar and Iran", قطروإيران, "X, Y and Z").
import type { Actor, Document, Lang, Mention, Sentence, Span, Token } from '../document.js';
import { arabicBareStems } from './arabic.js';

/** An actor as named by one mention (an anaphor for a pair gives two refs with the same mention). */
export interface ActorRef {
  actor: Actor;
  mention: Mention;
}

/** Adjacent mentions joined by and/و/comma (or written together in one token). */
export interface Group {
  refs: ActorRef[];
  start: number;
  end: number;
  /** Sentence-local token indices of the first and last token the group touches. */
  first: number;
  last: number;
}

export interface SentenceView {
  doc: Document;
  lang: Lang;
  sentence: Sentence;
  tokens: Token[];
  /** Clause index of each token. */
  clauseOfToken: number[];
  /** Token index range [start, end) of each clause. */
  clauseTokens: Array<[number, number]>;
  groups: Group[];
  /** Lazily computed Arabic stems per token (clitics stripped), for particle and context checks. */
  stems(index: number): string[];
  /** How many distinct actors (by id) the groups name: computed once, asked for by every trigger. */
  distinctActors(): number;
}

/** Index of the first element whose start >= offset (elements sorted by start). */
export function lowerBound(items: ReadonlyArray<Span>, offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as Span).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sentence-local index of the token containing `offset` (or the nearest token before it). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

// "Kuwait and the United States": a list's article stays outside the name's mention.
const JOINERS_EN = new Set(['', ',', 'and', ',and', '&', 'andthe', ',the', ',andthe']);
const JOINERS_AR = new Set(['', ',', '،', 'و', '،و', ',و']);

/** `norm[from, to)` without white space and ignorables (what /[\s\u0000]/g would leave). */
function gapText(norm: string, from: number, to: number): string {
  let gap = '';
  for (let i = from; i < to; i++) {
    const c = norm[i] as string;
    if (c !== ' ' && c !== '\u0000' && !WHITE.test(c)) gap += c;
  }
  return gap;
}
const WHITE = /\s/;

function gapJoins(norm: string, from: number, to: number, lang: Lang): boolean {
  if (to < from) return false;
  if (to - from > (lang === 'en' ? 10 : 8)) return false;
  return (lang === 'ar' ? JOINERS_AR : JOINERS_EN).has(gapText(norm, from, to));
}

/**
 * Arabic names side by side with no و or comma between them are two arguments, not a list: دعت قطر الرئيس
 * الإيراني (VSO subject + object), دعمت إيرانقطر (the space fell out). Same actors side by side are an apposition.
 */
function verbArguments(doc: Document, previous: Group, m: Mention): boolean {
  if (doc.lang !== 'ar') return false;
  if (gapText(doc.norm, previous.end, m.start) !== '') return false;
  return m.actors.some((a) => !previous.refs.some((r) => r.actor.id === a.id));
}

const EN_REPORTING = new Set(['said', 'says', 'told', 'reported', 'added', 'announced', 'stated', 'confirmed']);

/** "... arrived in Bosnia, Defense Secretary William Perry said": after a comma, the speaker is no list member. */
function speakerAfterComma(doc: Document, tokens: Token[], previous: Group, m: Mention): boolean {
  if (doc.lang !== 'en' || !doc.norm.slice(previous.end, m.start).includes(',')) return false;
  const next = tokens[tokenAt(tokens, m.end - 1) + 1];
  return next !== undefined && next.start >= m.end && EN_REPORTING.has(next.norm);
}

/** Mentions of the sentence that name actors (plus `extra` ones), overlapping ones reduced to the longest. */
function sentenceMentions(doc: Document, sentence: Sentence, extra: Mention[]): Mention[] {
  let all = doc.mentions;
  let from = lowerBound(doc.mentions, sentence.start);
  if (extra.length > 0) {
    // On the same span an extra mention (the coder's reading of it) replaces the document's.
    all = [...extra, ...doc.mentions.slice(from)].sort((a, b) => a.start - b.start || b.end - a.end);
    from = 0;
  }
  const out: Mention[] = [];
  for (let i = from; i < all.length; i++) {
    const m = all[i] as Mention;
    if (m.start >= sentence.end) break;
    if (m.actors.length === 0) continue;
    const previous = out[out.length - 1];
    if (previous && m.start < previous.end) {
      if (m.end - m.start > previous.end - previous.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

function refsOf(m: Mention): ActorRef[] {
  return m.actors.map((actor) => ({ actor, mention: m }));
}

/**
 * Add refs to a group, one per actor: an apposition ("Khatami, the Iranian president") names one actor; the
 * same state in two roles ("the army and the government", الشرطة والمتظاهرين) is two.
 */
function addRefs(group: Group, refs: ActorRef[]): void {
  for (const r of refs) {
    const same = group.refs.findIndex(
      (g) => g.actor.id === r.actor.id && (g.actor.role === r.actor.role || g.actor.role === null || r.actor.role === null),
    );
    if (same < 0) group.refs.push(r);
    else if ((group.refs[same] as ActorRef).actor.role === null && r.actor.role !== null) group.refs[same] = r;
  }
}

/** `extra`: mentions the event coder adds for this sentence only (unidentified actors), sorted or not. */
export function buildSentenceView(doc: Document, sentence: Sentence, tokens: Token[], extra: Mention[] = []): SentenceView {
  const clauses = sentence.clauses;
  const clauseOfToken: number[] = [];
  const clauseTokens: Array<[number, number]> = [];
  for (let k = 0; k < clauses.length; k++) clauseTokens.push([tokens.length, 0]);
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (c < clauses.length - 1 && t.start >= (clauses[c] as Span).end) c++;
    clauseOfToken.push(c);
    const range = clauseTokens[c] as [number, number];
    // Token indices only grow: the first token seen in a clause starts its range, the last one ends it.
    if (i < range[0]) range[0] = i;
    range[1] = i + 1;
  }
  const groups: Group[] = [];
  for (const m of sentenceMentions(doc, sentence, extra)) {
    const previous = groups[groups.length - 1];
    if (previous && gapJoins(doc.norm, previous.end, m.start, doc.lang) && !verbArguments(doc, previous, m) && !speakerAfterComma(doc, tokens, previous, m)) {
      addRefs(previous, refsOf(m));
      previous.end = m.end;
      previous.last = tokenAt(tokens, m.end - 1);
      continue;
    }
    const group: Group = { refs: [], start: m.start, end: m.end, first: tokenAt(tokens, m.start), last: tokenAt(tokens, m.end - 1) };
    addRefs(group, refsOf(m));
    groups.push(group);
  }
  const stemCache: Array<string[] | undefined> = [];
  let distinct = -1;
  return {
    doc,
    lang: doc.lang,
    sentence,
    tokens,
    clauseOfToken,
    clauseTokens,
    groups,
    stems(index) {
      let s = stemCache[index];
      if (s === undefined) {
        const t = tokens[index];
        s = t === undefined ? [] : doc.lang === 'ar' ? arabicBareStems(t.norm) : [t.norm];
        stemCache[index] = s;
      }
      return s;
    },
    distinctActors() {
      if (distinct < 0) {
        const ids = new Set<string>();
        for (const g of groups) for (const r of g.refs) ids.add(r.actor.id);
        distinct = ids.size;
      }
      return distinct;
    },
  };
}

/** Does token `index` read as one of `keys` (Arabic: also with clitics stripped)? */
export function tokenIs(view: SentenceView, index: number, keys: ReadonlySet<string>): boolean {
  const t = view.tokens[index];
  if (t === undefined) return false;
  if (keys.has(t.norm)) return true;
  return view.lang === 'ar' && view.stems(index).some((s) => keys.has(s));
}
