// Small helpers shared by the seed builder: ids, UTC dates, a stable hash.
import { randomBytes } from "node:crypto";

let counter = 0;

/** A cuid-like id ("c" + time + counter + random), made here so rows can reference each other
 * before they are inserted with createMany. */
export function newId(): string {
  counter = (counter + 1) % 1_679_616;
  const time = Date.now().toString(36);
  const count = counter.toString(36).padStart(4, "0");
  const rand = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(0, 12);
  return `c${time}${count}${rand}`;
}

export function utc(year: number, month: number, day: number, hour = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** "2025" -> 1 Jan 2025; "2025-07" -> 1 Jul 2025. */
export function parseStart(s: string): Date {
  const [y, m] = s.split("-").map(Number);
  return utc(y, m ?? 1, 1);
}

/** "2029" -> 31 Dec 2029; "2026-06" -> 30 Jun 2026. */
export function parseEnd(s: string): Date {
  const [y, m] = s.split("-").map(Number);
  return m ? utc(y, m + 1, 0) : utc(y, 12, 31);
}

/** Midnight UTC of the day containing the given instant. */
export function dayOf(date: Date): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Small stable hash, to vary dates and texts deterministically. */
export function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
