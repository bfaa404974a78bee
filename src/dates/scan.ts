// Find time expressions in one sentence's tokens: numeric dates (2006/11/17م, 17/11/2006, ISO), day-month-year
// in words or digits (Arabic ordinals too), month-year in both Arabic month systems and English, "عام 1999",
// "1995م", Hijri dates (هـ), bare years, weekdays, relative phrases; plus anaphoric carriers, blockers and breaks.
import type { DatePrecision, Token } from '../document.js';
import type { DateVocabulary, RelativeUnit } from '../lexicon/dates.js';
import { hijriToGregorian, hijriYearToGregorian, isValidDay, type PartialDate } from './calendar.js';

/** A date as the text gives it, before relative ones are placed against publication. */
export type RawDate =
  | { kind: 'absolute'; date: PartialDate }
  | { kind: 'monthDay'; month: number; day: number | null } // a month (and day) without a year
  | { kind: 'weekday'; weekday: number }
  | { kind: 'relative'; unit: RelativeUnit; shift: number }
  | { kind: 'recent' } // "the past three days"
  | { kind: 'period' }; // "2016-2018": a programme span, never an event date

export interface Found {
  first: number;
  last: number;
  raw: RawDate;
}

export interface SentenceScan {
  found: Found[];
  carrier: boolean;
  blocker: boolean;
  /** Token index of a "read also" break, if the sentence has one. */
  breakAt: number | null;
}

const SEPARATORS = new Set(['/', '-', '.']);
const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك'];
/** English month names that are also ordinary words or abbreviations: a month only with a day or a year. */
const AMBIGUOUS_EN = new Set(['may', 'march', 'mar', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const isYear = (s: string | undefined): boolean => s !== undefined && /^\d{4}$/.test(s) && Number(s) >= 1000 && Number(s) <= 2100;
const isDayNumber = (s: string | undefined): boolean => s !== undefined && /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 31;

/** Token keys with an Arabic proclitic removed where the bare word is date vocabulary (بمارس -> مارس). */
function bareKeys(tokens: Token[], v: DateVocabulary, arabic: boolean): string[] {
  const known = (s: string): boolean =>
    v.months.has(s) || v.hijriMonths.has(s) || v.weekdays.has(s) || v.relative.has(s) || v.yearWords.has(s) || v.ordinalUnits.has(s) || v.carriers.has(s);
  return tokens.map((t) => {
    if (!arabic || known(t.norm)) return t.norm;
    for (const p of CLITICS) {
      const rest = t.norm.slice(p.length);
      if (t.norm.startsWith(p) && rest.length > 1 && known(rest)) return rest;
    }
    return t.norm;
  });
}

class Cursor {
  constructor(
    readonly keys: string[],
    readonly v: DateVocabulary,
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
  if (y === null) return m.hijri ? null : { raw: { kind: 'monthDay', month: m.month, day }, next: m.next };
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
  if (!arabic && day === null && AMBIGUOUS_EN.has(c.at(i) ?? '')) return null;
  return { raw: { kind: 'monthDay', month: m.month, day }, next: day !== null ? j : m.next };
}

function yearOnly(c: Cursor, i: number): Parse {
  let j = i;
  if (c.v.yearWords.has(c.at(j) ?? '')) j++;
  const y = c.at(j);
  if (!isYear(y)) return null;
  const era = c.era(j + 1);
  const year = era.hijri ? hijriYearToGregorian(Number(y)) : Number(y);
  if (year === null || year < 1800) return null;
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
  return { raw: { kind: 'weekday', weekday: w.value }, next: j + w.length };
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

export function scanSentence(tokens: Token[], v: DateVocabulary, arabic: boolean): SentenceScan {
  const c = new Cursor(bareKeys(tokens, v, arabic), v);
  const out: SentenceScan = { found: [], carrier: false, blocker: false, breakAt: null };
  for (let i = 0; i < tokens.length; ) {
    const brk = v.breaks.match(c.keys, i);
    if (brk && out.breakAt === null) out.breakAt = i;
    if (v.carriers.match(c.keys, i)) out.carrier = true;
    if (v.blockers.match(c.keys, i)) out.blocker = true;
    const parsed =
      numericDate(c, i) ?? yearRange(c, i) ?? dayMonthYear(c, i) ?? monthFirst(c, i, arabic) ?? yearOnly(c, i) ?? weekday(c, i, arabic) ?? relative(c, i);
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
