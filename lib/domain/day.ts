// Calendar days: planned dates, plan periods and reporting periods have no time of day. The
// database stores them (@db.Date) as midnight UTC, forms send them as "YYYY-MM-DD" (what
// <input type="date"> reads and writes). Everything here works in UTC, so neither a server nor a
// browser east or west of Greenwich ever moves a day. Pure: runs on the server and in the browser.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a year, month (1-12) and day; years below 100 stay themselves (Date.UTC would add 1900). */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** "2025-06-30": the calendar day of `date` in UTC, for a date input or a comparison as strings. */
export function toIsoDay(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("toIsoDay: invalid date");
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`toIsoDay: year ${year} has no four-digit form`);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** A "YYYY-MM-DD" naming a day that exists: "2025-02-30" and "2025-6-30" are not days. */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = utcDay(year, month, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The day as the database stores it, midnight UTC. Throws on anything isIsoDay refuses. */
export function parseIsoDay(value: string): Date {
  if (!isIsoDay(value)) throw new RangeError(`parseIsoDay: not a calendar day: ${JSON.stringify(value)}`);
  const [year, month, day] = value.split("-").map(Number);
  return utcDay(year, month, day);
}

/** Midnight UTC of the day `moment` falls on (in UTC): "today" for rules that compare days. */
export function startOfUtcDay(moment: Date): Date {
  return utcDay(moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate());
}
