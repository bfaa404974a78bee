// Find time expressions in one sentence's tokens: numeric dates (2006/11/17م, 17/11/2006, ISO), day-month-year
// in words or digits (Arabic ordinals too), month-year in both Arabic month systems and English, "عام 1999",
// "1995م", Hijri dates (هـ), bare years, weekdays, months without a year (مارس الماضي, last March), counted
// spans before publication (قبل يومين, three days ago), relative phrases, named episodes (the Gulf crisis) and
// their heads (مع بداية الأزمة); plus anaphoric carriers, blockers, future markers and "read also" breaks.
import type { DatePrecision, Token } from '../document.js';
import type { DateVocabulary, RelativeUnit } from '../lexicon/dates.js';
import { hijriToGregorian, hijriYearToGregorian, isValidDay, type PartialDate } from './calendar.js';

/** A date as the text gives it, before relative ones are placed against publication. */
export type RawDate =
  | { kind: 'absolute'; date: PartialDate }
  // A month (and day) without a year: the latest one not after publication, unless told otherwise
  // (past: strictly before the publication month; next: after it; this: in the publication year; yearShift: that year).
  | { kind: 'monthDay'; month: number; day: number | null; direction: MonthDirection; yearShift: number | null }
  | { kind: 'weekday'; weekday: number; direction: WeekdayDirection }
  | { kind: 'relative'; unit: RelativeUnit; shift: number }
  | { kind: 'recent' } // "the past three days"
  | { kind: 'period' } // "2016-2018": a programme span, never an event date
  | { kind: 'episode'; episode: number; governed: boolean } // a named episode (the Gulf crisis)
  | { kind: 'episodeHead'; head: string; governed: boolean }; // "the crisis": the last episode named with that head

export type MonthDirection = 'latest' | 'past' | 'next' | 'this';
/** latest: on or before publication; past: strictly before it (last Thursday); next: after it. */
export type WeekdayDirection = 'latest' | 'past' | 'next';

export interface Found {
  first: number;
  last: number;
  raw: RawDate;
}

export interface SentenceScan {
  found: Found[];
  carrier: boolean;
  blocker: boolean;
  /** Token indices where a blocker (عقب ذلك, later) starts: no date before it governs what follows. */
  blockersAt: number[];
  /** Token indices of future markers (will, سوف, من المقرر). */
  futureAt: number[];
  /** Token index of a "read also" break, if the sentence has one. */
  breakAt: number | null;
}

const SEPARATORS = new Set(['/', '-', '.']);
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك'];
const CLITIC_FIRST = new Set(CLITICS.map((p) => p[0]));
/** English month names that are also ordinary words or abbreviations: a month only with a day or a year. */
const AMBIGUOUS_EN = new Set(['may', 'march', 'mar', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const isYear = (s: string | undefined): boolean => s !== undefined && /^\d{4}$/.test(s) && Number(s) >= 1000 && Number(s) <= 2100;
const isDayNumber = (s: string | undefined): boolean => s !== undefined && /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 31;

/**
 * Every key a clitic may be stripped to (date vocabulary words), and what each Arabic token read so far
 * reads as (memoised, bounded: news vocabulary repeats), per vocabulary.
 */
interface BareKeys {
  known: ReadonlySet<string>;
  byNorm: Map<string, string>;
}
const BARE = new WeakMap<DateVocabulary, BareKeys>();
const BARE_CACHE_LIMIT = 100_000;

function bareKeysOf(v: DateVocabulary): BareKeys {
  let bare = BARE.get(v);
  if (bare === undefined) {
    const tables = [v.months, v.hijriMonths, v.weekdays, v.relative, v.carriers, v.episodeGovernors, v.episodes, v.episodeHeads, v.agoBefore, v.future];
    const known = new Set<string>([...v.yearWords, ...v.ordinalUnits.keys()]);
    for (const t of tables) for (const k of t.firsts()) known.add(k);
    bare = { known, byNorm: new Map() };
    BARE.set(v, bare);
  }
  return bare;
}

function stripClitic(known: ReadonlySet<string>, norm: string): string {
  if (known.has(norm)) return norm;
  for (const p of CLITICS) {
    if (!norm.startsWith(p)) continue;
    const rest = norm.slice(p.length);
    if (rest.length > 1 && known.has(rest)) return rest;
  }
  return norm;
}

/** An Arabic token's key with a proclitic removed where the bare word is date vocabulary (بمارس -> مارس). */
function bareKey(bare: BareKeys, norm: string): string {
  // Every clitic starts with one of these letters: other words read as written, with no lookup.
  if (!CLITIC_FIRST.has(norm[0] ?? '')) return norm;
  let key = bare.byNorm.get(norm);
  if (key === undefined) {
    if (bare.byNorm.size >= BARE_CACHE_LIMIT) bare.byNorm.clear();
    key = stripClitic(bare.known, norm);
    bare.byNorm.set(norm, key);
  }
  return key;
}

/** Token keys, Arabic ones through bareKey. */
function bareKeys(tokens: Token[], v: DateVocabulary, arabic: boolean): string[] {
  if (!arabic) return tokens.map((t) => t.norm);
  const bare = bareKeysOf(v);
  return tokens.map((t) => bareKey(bare, t.norm));
}

/**
 * Does any of tokens[from, to) start a date or a marker (or is a number)? Most sentences have none, and
 * scanSentence finds nothing in them: a caller may pass them over without slicing out their tokens.
 */
export function mayHoldDate(tokens: readonly Token[], v: DateVocabulary, arabic: boolean, from = 0, to = tokens.length): boolean {
  const flagsByKey = flagsOf(v);
  const bare = arabic ? bareKeysOf(v) : null;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'number') return true;
    if (flagsByKey.has(bare === null ? t.norm : bareKey(bare, t.norm))) return true;
  }
  return false;
}

/** What a sentence without a date word scans to. Shared: never written to. */
const NOTHING: SentenceScan = Object.freeze({ found: [], carrier: false, blocker: false, blockersAt: [], futureAt: [], breakAt: null });

class Cursor {
  constructor(
    readonly keys: string[],
    readonly v: DateVocabulary,
    /** Is the token at i written with a capital letter in the original text (English month names)? */
    readonly capital: (i: number) => boolean,
  ) {}
  at(i: number): string | undefined {
    return this.keys[i];
  }
  /** Skip an era suffix (م / هـ) at i: which one, and where the expression now ends. */
  era(i: number): { hijri: boolean; next: number } {
    const k = this.keys[i];
    if (k !== undefined && this.v.hijriSuffix.has(k)) return { hijri: true, next: i + 1 };
    if (k !== undefined && this.v.gregorianSuffix.has(k)) return { hijri: false, next: i + 1 };
    return { hijri: false, next: i };
  }
}

type Parse = { raw: RawDate; next: number } | null;

function numericDate(c: Cursor, i: number): Parse {
  const [a, s1, b, s2, d] = [c.at(i), c.at(i + 1), c.at(i + 2), c.at(i + 3), c.at(i + 4)];
  if (a === undefined || b === undefined || d === undefined || s1 === undefined || s1 !== s2 || !SEPARATORS.has(s1)) return null;
  if (!/^\d+$/.test(b)) return null;
  let date: PartialDate | null = null;
  if (isYear(a) && isDayNumber(d)) date = { year: Number(a), month: Number(b), day: Number(d) };
  else if (isDayNumber(a) && isYear(d)) date = { year: Number(d), month: Number(b), day: Number(a) };
  if (date === null || date.month === null || date.day === null) return null;
  const era = c.era(i + 5);
  if (era.hijri) date = hijriToGregorian(date.year, date.month, date.day);
  else if (!isValidDay(date.year, date.month, date.day)) return null;
  return date ? { raw: { kind: 'absolute', date }, next: era.next } : null;
}

function yearRange(c: Cursor, i: number): Parse {
  if (!isYear(c.at(i)) || c.at(i + 1) !== '-' || !isYear(c.at(i + 2))) return null;
  return { raw: { kind: 'period' }, next: c.era(i + 3).next };
}

/** An optional year after a month: [,] [عام|year] YYYY [م|هـ]. */
function trailingYear(c: Cursor, i: number): { year: number; hijri: boolean; next: number } | null {
  let j = i;
  if (c.at(j) === ',' || c.at(j) === '،') j++;
  if (c.v.yearWords.has(c.at(j) ?? '')) j++;
  const y = c.at(j);
  if (!isYear(y)) return null;
  const era = c.era(j + 1);
  return { year: Number(y), hijri: era.hijri, next: era.next };
}

/** Arabic ordinal day words: السادس عشر، الحادي والعشرين، الثلاثين. */
function ordinalDay(c: Cursor, i: number): { day: number; next: number } | null {
  const unit = c.v.ordinalUnits.get(c.at(i) ?? '');
  if (unit === undefined) return null;
  const k = c.at(i + 1) ?? '';
  if (c.v.ordinalTeen.has(k)) return { day: unit + 10, next: i + 2 };
  // The clitic-stripped key of والعشرين is العشرين: look for the tens word either way.
  const tens = c.v.ordinalTens.get(k) ?? c.v.ordinalTens.get(`و${k}`);
  if (tens !== undefined) return { day: unit + tens, next: i + 2 };
  return { day: unit, next: i + 1 };
}

function monthAt(c: Cursor, i: number): { month: number; hijri: boolean; next: number } | null {
  let j = i;
  if (c.v.monthWords.has(c.at(j) ?? '')) j++;
  const g = c.v.months.match(c.keys, j);
  if (g) {
    let next = j + g.length;
    // Dual naming: مارس/آذار, مارس (آذار)
    const sep = c.at(next);
    const paren = sep === '(' ? 1 : 0;
    if (sep === '/' || sep === '(') {
      const second = c.v.months.match(c.keys, next + 1);
      if (second && second.value === g.value) next = next + 1 + second.length + (paren && c.at(next + 1 + second.length) === ')' ? 1 : 0);
    }
    return { month: g.value, hijri: false, next };
  }
  const h = c.v.hijriMonths.match(c.keys, j);
  return h ? { month: h.value, hijri: true, next: j + h.length } : null;
}

function dayMonthYear(c: Cursor, i: number): Parse {
  let day: number | null = null;
  let j = i;
  if (isDayNumber(c.at(i))) {
    day = Number(c.at(i));
    j = i + 1;
  } else {
    const ord = ordinalDay(c, i);
    if (ord === null) return null;
    day = ord.day;
    j = ord.next;
    if (c.v.ordinalOf.has(c.at(j) ?? '')) j++;
  }
  const m = monthAt(c, j);
  if (m === null) return null;
  const y = trailingYear(c, m.next);
  if (y === null) return m.hijri ? null : withoutYear(c, i, m.month, day, m.next);
  const date = m.hijri || y.hijri ? hijriToGregorian(y.year, m.month, day) : { year: y.year, month: m.month, day };
  if (date === null || (date.month !== null && date.day !== null && !isValidDay(date.year, date.month, date.day))) return null;
  return { raw: { kind: 'absolute', date }, next: y.next };
}

function monthFirst(c: Cursor, i: number, arabic: boolean): Parse {
  const m = monthAt(c, i);
  if (m === null) return null;
  let j = m.next;
  let day: number | null = null;
  if (isDayNumber(c.at(j)) && !isYear(c.at(j))) {
    day = Number(c.at(j));
    j++;
  }
  const y = trailingYear(c, j);
  if (y !== null) {
    if (m.hijri || y.hijri) {
      const date = day !== null ? hijriToGregorian(y.year, m.month, day) : hijriToGregorian(y.year, m.month, 15);
      if (date === null) return null;
      return { raw: { kind: 'absolute', date: day !== null ? date : { ...date, day: null } }, next: y.next };
    }
    return { raw: { kind: 'absolute', date: { year: y.year, month: m.month, day } }, next: y.next };
  }
  if (m.hijri) return null;
  if (!arabic && day === null && !englishBareMonth(c, i)) return null;
  return withoutYear(c, i, m.month, day, day !== null ? j : m.next);
}

/**
 * An English month name standing alone is a month only when capitalised and, for the names that are also
 * words or abbreviations (May, March, Jan), led by a preposition or a modifier: "in May", "since March".
 */
function englishBareMonth(c: Cursor, i: number): boolean {
  const k = c.at(i) ?? '';
  if (!c.capital(i)) return false;
  if (!AMBIGUOUS_EN.has(k)) return true;
  if (k !== 'may' && k !== 'march') return false;
  return c.v.englishMonthLeads.has(c.at(i - 1) ?? '');
}

/** A month without a year, with what places it: مارس الماضي / last March / next March / مارس من العام الماضي. */
function withoutYear(c: Cursor, first: number, month: number, day: number | null, next: number): Parse {
  let direction: MonthDirection = 'latest';
  let end = next;
  if (c.v.monthPast.match(c.keys, first - 1)?.length === 1) direction = 'past';
  else if (c.v.monthNext.match(c.keys, first - 1)?.length === 1) direction = 'next';
  else if (c.v.monthThis.match(c.keys, first - 1)?.length === 1) direction = 'this';
  // مارس من العام الماضي / March last year / March of this year
  const j = c.at(end) === 'من' || c.at(end) === 'of' ? end + 1 : end;
  const rel = c.v.relative.match(c.keys, j);
  if (rel && rel.value.unit === 'year') return { raw: { kind: 'monthDay', month, day, direction, yearShift: rel.value.shift }, next: j + rel.length };
  const after = c.v.monthPast.match(c.keys, end) ?? c.v.monthNext.match(c.keys, end) ?? c.v.monthThis.match(c.keys, end);
  if (after) {
    direction = c.v.monthPast.match(c.keys, end) ? 'past' : c.v.monthNext.match(c.keys, end) ? 'next' : 'this';
    end += after.length;
  }
  return { raw: { kind: 'monthDay', month, day, direction, yearShift: null }, next: end };
}

/**
 * A bare four-digit number is a year only where a year reads: after a year word or a temporal preposition
 * (عام 1999، في 2012، since 2015), with an era mark (1995م), or standing alone before punctuation —
 * not "2000 جندي" / "1500 troops".
 */
function yearOnly(c: Cursor, i: number): Parse {
  let j = i;
  const word = c.v.yearWords.has(c.at(j) ?? '');
  if (word) j++;
  const y = c.at(j);
  if (!isYear(y)) return null;
  const era = c.era(j + 1);
  const year = era.hijri ? hijriYearToGregorian(Number(y)) : Number(y);
  if (year === null || year < 1800) return null;
  const after = c.at(era.next);
  const standsAlone = after === undefined || !/[\p{L}\d]/u.test(after) || c.v.yearFollowers.has(after);
  if (!word && era.next === j + 1 && !c.v.yearLeads.has(c.at(j - 1) ?? '') && !standsAlone) return null;
  return { raw: { kind: 'absolute', date: { year, month: null, day: null } }, next: era.next };
}

function weekday(c: Cursor, i: number, arabic: boolean): Parse {
  let j = i;
  const lead = c.v.dayWords.has(c.at(j) ?? '');
  if (lead) j++;
  const w = c.v.weekdays.match(c.keys, j);
  if (w === null) return null;
  // الأحد is also "the one": a weekday only after يوم.
  if (arabic && w.value === 0 && !lead) return null;
  let end = j + w.length;
  // الخميس الماضي / last Thursday: strictly before publication; الخميس المقبل / next Thursday: after it.
  let direction: WeekdayDirection = 'latest';
  const before = lead ? i - 1 : j - 1;
  if (c.v.monthPast.match(c.keys, before)?.length === 1) direction = 'past';
  else if (c.v.monthNext.match(c.keys, before)?.length === 1) direction = 'next';
  const past = c.v.monthPast.match(c.keys, end);
  const coming = past ? null : c.v.monthNext.match(c.keys, end);
  if (past || coming) {
    direction = past ? 'past' : 'next';
    end += (past ?? coming)?.length ?? 0;
  }
  // "Monday, March 3, 2003" / يوم الخميس الموافق 30 نوفمبر: the date that follows says which Monday.
  let k = end;
  if (c.at(k) === ',' || c.at(k) === '،') k++;
  if (c.v.weekdayLinks.has(c.at(k) ?? '')) k++;
  const dated = numericDate(c, k) ?? dayMonthYear(c, k) ?? monthFirst(c, k, arabic);
  if (dated && (dated.raw.kind === 'absolute' || (dated.raw.kind === 'monthDay' && dated.raw.day !== null))) return dated;
  return { raw: { kind: 'weekday', weekday: w.value, direction }, next: end };
}

/** A count of days/weeks/months/years back from publication: قبل يومين، منذ ثلاثة أسابيع، three days ago. */
function counted(c: Cursor, i: number): Parse {
  const back = c.v.agoBefore.match(c.keys, i);
  if (back) {
    const j = i + back.length;
    const dual = c.v.countDuals.get(c.at(j) ?? '');
    let unit: RelativeUnit | undefined = dual;
    let count = 2;
    let end = j + 1;
    if (dual === undefined) {
      const n = numberAt(c, j);
      const single = c.v.countUnits.get(c.at(j) ?? '');
      if (n !== null) {
        unit = c.v.countUnits.get(c.at(n.next) ?? '');
        count = n.value;
        end = n.next + 1;
      } else if (single !== undefined) {
        unit = single;
        count = 1;
      }
    }
    // "قبل ثلاثة أيام من الانتخابات": before something else, not before publication.
    if (unit === undefined || c.v.agoNotAfter.has(c.at(end) ?? '')) return null;
    return { raw: { kind: 'relative', unit, shift: -count }, next: end };
  }
  const n = numberAt(c, i);
  if (n === null) return null;
  const unit = c.v.countUnits.get(c.at(n.next) ?? '');
  if (unit === undefined || !c.v.agoAfter.has(c.at(n.next + 1) ?? '')) return null;
  return { raw: { kind: 'relative', unit, shift: -n.value }, next: n.next + 2 };
}

function numberAt(c: Cursor, i: number): { value: number; next: number } | null {
  const k = c.at(i);
  if (k !== undefined && /^\d{1,2}$/.test(k)) return { value: Number(k), next: i + 1 };
  const w = c.v.countNumbers.match(c.keys, i);
  return w ? { value: w.value, next: i + w.length } : null;
}

/** A named episode (الأزمة الخليجية) or a head naming the last one (الأزمة), governed or not by مع بداية / during. */
function episode(c: Cursor, i: number): Parse {
  const gov = c.v.episodeGovernors.match(c.keys, i);
  const j = gov ? i + gov.length : i;
  const named = c.v.episodes.match(c.keys, j);
  if (named) return { raw: { kind: 'episode', episode: named.value, governed: gov !== null }, next: j + named.length };
  const head = c.v.episodeHeads.match(c.keys, j);
  if (head) return { raw: { kind: 'episodeHead', head: head.value, governed: gov !== null }, next: j + head.length };
  return null;
}

function relative(c: Cursor, i: number): Parse {
  const r = c.v.relative.match(c.keys, i);
  if (r) return { raw: { kind: 'relative', unit: r.value.unit, shift: r.value.shift }, next: i + r.length };
  const k = c.at(i) ?? '';
  const unitFirst = c.v.recentUnits.has(k);
  const pastFirst = c.v.recentPast.has(k);
  if (!unitFirst && !pastFirst) return null;
  for (let j = i + 1; j <= i + 3; j++) {
    const kj = c.at(j) ?? '';
    if ((unitFirst && c.v.recentPast.has(kj)) || (pastFirst && c.v.recentUnits.has(kj))) return { raw: { kind: 'recent' }, next: j + 1 };
  }
  return null;
}

// What a key can start: a marker, a date (a starter), and which parsers; each parser needs its first key in one
// of its tables (or digits), so common starters (the, في, on) skip the parsers that cannot match there. One Map
// lookup per token, built once per vocabulary over the starters and markers only.
const P_EPISODE = 1;
const P_DIGITS = 2;
const P_DAY = 4;
const P_MONTH = 8;
const P_YEAR = 16;
const P_WEEKDAY = 32;
const P_COUNTED = 64;
const P_RELATIVE = 128;
const ALL_PARSERS = 255;
const MARKER = 256;
const STARTER = 512;
const FLAGS = new WeakMap<DateVocabulary, ReadonlyMap<string, number>>();

function parsersFor(v: DateVocabulary, key: string): number {
  if (/\d/.test(key)) return ALL_PARSERS;
  return (
    (v.episodeGovernors.has(key) || v.episodes.has(key) || v.episodeHeads.has(key) ? P_EPISODE : 0) |
    (v.ordinalUnits.has(key) ? P_DAY : 0) |
    (v.monthWords.has(key) || v.months.has(key) || v.hijriMonths.has(key) ? P_MONTH : 0) |
    (v.yearWords.has(key) ? P_YEAR : 0) |
    (v.dayWords.has(key) || v.weekdays.has(key) ? P_WEEKDAY : 0) |
    (v.agoBefore.has(key) || v.countNumbers.has(key) ? P_COUNTED : 0) |
    (v.relative.has(key) || v.recentUnits.has(key) || v.recentPast.has(key) ? P_RELATIVE : 0)
  );
}

function flagsOf(v: DateVocabulary): ReadonlyMap<string, number> {
  let flags = FLAGS.get(v);
  if (flags === undefined) {
    const table = new Map<string, number>();
    for (const k of v.starters) table.set(k, STARTER | parsersFor(v, k));
    for (const k of v.markers) table.set(k, (table.get(k) ?? 0) | MARKER);
    flags = table;
    FLAGS.set(v, flags);
  }
  return flags;
}

/** `text` is the original text the tokens index (for the case of English month names). */
export function scanSentence(tokens: Token[], v: DateVocabulary, arabic: boolean, text = ''): SentenceScan {
  if (!mayHoldDate(tokens, v, arabic)) return NOTHING;
  const flagsByKey = flagsOf(v);
  const capital = (i: number): boolean => {
    const t = tokens[i];
    return text === '' || (t !== undefined && /[A-Z]/.test(text[t.start] ?? ''));
  };
  const c = new Cursor(bareKeys(tokens, v, arabic), v, capital);
  const out: SentenceScan = { found: [], carrier: false, blocker: false, blockersAt: [], futureAt: [], breakAt: null };
  for (let i = 0; i < tokens.length; ) {
    const key = c.keys[i] ?? '';
    const flags = flagsByKey.get(key) ?? 0;
    if (flags & MARKER) {
      if (v.breaks.match(c.keys, i) && out.breakAt === null) out.breakAt = i;
      if (v.carriers.match(c.keys, i)) out.carrier = true;
      if (v.blockers.match(c.keys, i)) {
        out.blocker = true;
        out.blockersAt.push(i);
      }
      if (v.future.match(c.keys, i)) out.futureAt.push(i);
    }
    const number = tokens[i]?.kind === 'number';
    if (!(flags & STARTER) && !number) {
      i++;
      continue;
    }
    const can = number ? ALL_PARSERS : flags;
    const parsed =
      (can & P_EPISODE ? episode(c, i) : null) ??
      (can & P_DIGITS ? numericDate(c, i) ?? yearRange(c, i) : null) ??
      (can & P_DAY ? dayMonthYear(c, i) : null) ??
      (can & P_MONTH ? monthFirst(c, i, arabic) : null) ??
      (can & P_YEAR ? yearOnly(c, i) : null) ??
      (can & P_WEEKDAY ? weekday(c, i, arabic) : null) ??
      (can & P_COUNTED ? counted(c, i) : null) ??
      (can & P_RELATIVE ? relative(c, i) : null);
    if (parsed === null) {
      i++;
      continue;
    }
    out.found.push({ first: i, last: parsed.next - 1, raw: parsed.raw });
    i = parsed.next;
  }
  return out;
}

export function precisionOfRaw(raw: RawDate): DatePrecision | null {
  if (raw.kind === 'absolute') return raw.date.day !== null ? 'day' : raw.date.month !== null ? 'month' : 'year';
  return null;
}
