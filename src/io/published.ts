// Publication dates as the model wants them: YYYY, YYYY-MM or YYYY-MM-DD. Inputs often carry full
// timestamps (2021-03-04T10:00:00Z); the day is all the coder uses.
const DATE_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The normalised date, or null when the value is not a date. */
export function normalisePublished(value: string): string | null {
  const m = DATE_PREFIX.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (y === undefined) return null;
  if (mo === undefined) return y;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return `${y}-${mo}`;
  const day = Number(d);
  if (day < 1 || day > daysInMonth(Number(y), month)) return null;
  return `${y}-${mo}-${d}`;
}

/** First and last day a date of any precision covers, for range filters. */
export function dateRange(value: string): { first: string; last: string } | null {
  const date = normalisePublished(value);
  if (date === null) return null;
  const [y, m, d] = date.split('-');
  if (d !== undefined) return { first: date, last: date };
  if (m !== undefined) return { first: `${date}-01`, last: `${date}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}` };
  return { first: `${date}-01-01`, last: `${date}-12-31` };
}
