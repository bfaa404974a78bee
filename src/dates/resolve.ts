// Place a date as the text gives it on the calendar: absolute ones as they are, relative ones against the
// publication date (a weekday is the latest such day on or before publication; "March" with no year the
// latest March on or before it). Without a publication date a relative expression has no value.
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

export function placeDate(raw: RawDate, pub: PartialDate | null): Placed {
  switch (raw.kind) {
    case 'absolute':
      return placed(raw.date, false);
    case 'period':
      return none(false);
    case 'monthDay': {
      if (pub === null) return none(true);
      const year = pub.month !== null && (raw.month > pub.month || (raw.month === pub.month && raw.day !== null && pub.day !== null && raw.day > pub.day)) ? pub.year - 1 : pub.year;
      return placed({ year, month: raw.month, day: raw.day }, true);
    }
    case 'weekday': {
      if (pub === null) return none(true);
      if (pub.day === null) return placed(pub, true);
      const back = (weekdayOf(pub) - raw.weekday + 7) % 7;
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
