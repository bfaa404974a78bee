// Calendar arithmetic on partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and Hijri -> Gregorian conversion.
import type { DatePrecision } from '../document.js';

export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function parsePartial(value: string | null): PartialDate | null {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

export function precisionOf(d: PartialDate): DatePrecision {
  return d.day !== null ? 'day' : d.month !== null ? 'month' : 'year';
}

export function formatPartial(d: PartialDate): string {
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A full date shifted by whole days (UTC, so no daylight-saving surprises). */
export function addDays(d: PartialDate, days: number): PartialDate {
  const t = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1) + days * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 0 = Sunday. */
export function weekdayOf(d: PartialDate): number {
  return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1)).getUTCDay();
}

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function hijriOf(t: number): { year: number; month: number; day: number } {
  const parts = hijriFormat.formatToParts(new Date(t));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value.replace(/\D/g, '') ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The Gregorian day of a Hijri (Umm al-Qura) date, found by stepping from an estimate; null if out of range. */
export function hijriToGregorian(year: number, month: number, day: number): PartialDate | null {
  // Mean Hijri year 354.367 days; epoch 622-07-16. The estimate is within a few weeks; step to the exact day.
  const daysSinceEpoch = (year - 1) * 354.367 + (month - 1) * 29.53 + (day - 1);
  let t = Date.UTC(622, 6, 16) + Math.round(daysSinceEpoch) * 86_400_000;
  for (let step = 0; step < 120; step++) {
    const h = hijriOf(t);
    if (Number.isNaN(h.year)) return null;
    const diff = (year - h.year) * 354 + (month - h.month) * 29.5 + (day - h.day);
    if (h.year === year && h.month === month && h.day === day) {
      const g = new Date(t);
      return { year: g.getUTCFullYear(), month: g.getUTCMonth() + 1, day: g.getUTCDate() };
    }
    t += Math.sign(diff) * Math.max(1, Math.floor(Math.abs(diff) / 2)) * 86_400_000;
  }
  return null;
}

/** The Gregorian year holding the middle of a Hijri year. */
export function hijriYearToGregorian(year: number): number | null {
  return hijriToGregorian(year, 6, 15)?.year ?? null;
}
