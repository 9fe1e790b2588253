// Numbering of a plan's structure: section "2", objective "2.1", activity "2.1.3".
// Pure, used by the data layer (the rule), by forms (checked as you type) and for sorting.
// Codes are stored normalised, so "2.1" and " 2,01. " cannot both exist in one plan.

const SEGMENT = "[1-9][0-9]{0,2}";
const SECTION = new RegExp(`^${SEGMENT}$`);
const OBJECTIVE = new RegExp(`^${SEGMENT}\\.${SEGMENT}$`);
const ACTIVITY = new RegExp(`^${SEGMENT}\\.${SEGMENT}\\.${SEGMENT}$`);

/** The stored form of a typed code: no spaces, "." as separator, no trailing dot, no leading zeros. */
export function normaliseCode(raw: string): string {
  return raw
    .replace(/\s+/g, "")
    .replace(/,/g, ".")
    .replace(/\.+$/, "")
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? part.replace(/^0+(?=\d)/, "") : part))
    .join(".");
}

/** A section number: "1" to "999". */
export function isValidSectionCode(code: string): boolean {
  return SECTION.test(normaliseCode(code));
}

/** An objective: section number, dot, objective number ("2.1"). */
export function isValidObjectiveCode(code: string): boolean {
  return OBJECTIVE.test(normaliseCode(code));
}

/** An activity: objective code, dot, activity number ("2.1.3"). */
export function isValidActivityCode(code: string): boolean {
  return ACTIVITY.test(normaliseCode(code));
}

/** The code one level up: "2.1.3" -> "2.1", "2" -> null. */
export function parentCode(code: string): string | null {
  const n = normaliseCode(code);
  const i = n.lastIndexOf(".");
  return i < 0 ? null : n.slice(0, i);
}

/** True when `child` is numbered directly under `parent` ("2.1.3" under "2.1"). */
export function isChildCode(child: string, parent: string): boolean {
  return parentCode(child) === normaliseCode(parent);
}

/** Natural order, segment by segment: 1.2 < 1.10 < 2; a prefix comes first (2.1 < 2.1.1). */
export function compareCodes(a: string, b: string): number {
  const pa = normaliseCode(a).split(".");
  const pb = normaliseCode(b).split(".");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i], pb[i]];
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return diff;
  }
  return pa.length - pb.length;
}

/** The next free number under `parent` (null: top level), after the highest one in use. */
export function suggestNextCode(parent: string | null, existing: readonly string[]): string {
  const prefix = parent === null ? "" : `${normaliseCode(parent)}.`;
  let max = 0;
  for (const code of existing) {
    const n = normaliseCode(code);
    if (!n.startsWith(prefix)) continue;
    const rest = n.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return `${prefix}${max + 1}`;
}
