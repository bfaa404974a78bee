// Place a date as the text gives it on the calendar: absolute ones as they are, relative ones against the
// publication date. A weekday is the latest such day on or before publication and "March" with no year the
// latest March on or before it, unless the clause speaks of the future (will, سوف): then the next one, which is
// the content of an intent rather than the event's own time. "مارس الماضي" / "last March" is strictly before the
// publication month, "next March" after it, "March last year" in that year. Without a publication date a
// relative expression has no value. Episodes are placed by the dates stage (they need the document's memory).
import type { DatePrecision } from '../document.js';
import { addDays, addMonths, formatPartial, weekdayOf, type PartialDate } from './calendar.js';
import type { RawDate } from './scan.js';

export interface Placed {
  value: string | null;
  precision: DatePrecision | null;
  relative: boolean;
  /** Lies after publication ("next month"): the content of an intent, not an event's own date. */
  future: boolean;
}

const none = (relative: boolean): Placed => ({ value: null, precision: null, relative, future: false });

function placed(d: PartialDate, relative: boolean, future = false): Placed {
  const precision: DatePrecision = d.day !== null ? 'day' : d.month !== null ? 'month' : 'year';
  return { value: formatPartial(d), precision, relative, future };
}

function monthOnly(d: PartialDate): PartialDate {
  return { year: d.year, month: d.month, day: null };
}

/** Is (month, day) after the publication date within its year? Unknown parts of publication do not count as after. */
function afterPublication(month: number, day: number | null, pub: PartialDate): boolean {
  if (pub.month === null) return false;
  return month > pub.month || (month === pub.month && day !== null && pub.day !== null && day > pub.day);
}

function placeMonth(raw: Extract<RawDate, { kind: 'monthDay' }>, pub: PartialDate, future: boolean): Placed {
  const at = (year: number, isFuture = false): Placed => placed({ year, month: raw.month, day: raw.day }, true, isFuture);
  if (raw.yearShift !== null) return at(pub.year + raw.yearShift, raw.yearShift > 0);
  const after = afterPublication(raw.month, raw.day, pub);
  const sameMonth = pub.month === raw.month;
  switch (raw.direction) {
    case 'this':
      return at(pub.year, after);
    case 'past':
      return at(after || sameMonth ? pub.year - 1 : pub.year);
    case 'next':
      return at(after ? pub.year : pub.year + 1, true);
    case 'latest':
      if (future) return at(after || sameMonth ? pub.year : pub.year + 1, after || !sameMonth);
      return at(after ? pub.year - 1 : pub.year);
  }
}

export function placeDate(raw: RawDate, pub: PartialDate | null, future = false): Placed {
  switch (raw.kind) {
    case 'absolute':
      return placed(raw.date, false);
    case 'period':
    case 'episode':
    case 'episodeHead':
      return none(false);
    case 'monthDay':
      return pub === null ? none(true) : placeMonth(raw, pub, future);
    case 'weekday': {
      if (pub === null) return none(true);
      if (pub.day === null) return placed(pub, true);
      if (future || raw.direction === 'next') {
        const ahead = (raw.weekday - weekdayOf(pub) + 7) % 7 || 7;
        return placed(addDays(pub, ahead), true, true);
      }
      const back = (weekdayOf(pub) - raw.weekday + 7) % 7 || (raw.direction === 'past' ? 7 : 0);
      return placed(addDays(pub, -back), true);
    }
    case 'recent':
      return pub === null ? none(true) : placed(pub.month !== null ? monthOnly(pub) : pub, true);
    case 'relative':
      return placeRelative(raw.unit, raw.shift, pub);
  }
}

function placeRelative(unit: 'day' | 'week' | 'month' | 'year', shift: number, pub: PartialDate | null): Placed {
  if (pub === null) return none(true);
  const future = shift > 0;
  if (unit === 'year') return placed({ year: pub.year + shift, month: null, day: null }, true, future);
  if (pub.month === null) return placed(pub, true, future);
  if (unit === 'month') {
    const m = addMonths(pub.year, pub.month, shift);
    return placed({ year: m.year, month: m.month, day: null }, true, future);
  }
  if (pub.day === null) return placed(pub, true, future);
  if (unit === 'week') return placed(monthOnly(addDays(pub, 7 * shift)), true, future);
  return placed(addDays(pub, shift), true, future);
}
