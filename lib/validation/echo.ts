// What a refused form gets back of what was typed, so nothing is lost, and never more than the
// field could have held: a 1 MB title is refused and comes back as its first 300 characters,
// not as 1 MB in every answer (and in the next request's form state).
// Each field's limit is read from the form's zod schema; a field the schema sets no length for
// (or does not know) gets ECHO_MAX_CHARS, a list at most ECHO_MAX_ITEMS values.
import type { z } from "@/lib/validation/zod";
import { ECHO_MAX_CHARS, ECHO_MAX_ITEMS } from "@/lib/domain/limits";

type Schema = z.core.$ZodType;
type Def = { type: string; [key: string]: unknown };

const SECRET = /password|token|secret/i;

interface Limit {
  chars: number;
  items: number;
}

/** The typed values of a form to show again: secrets left out, each value cut to what its field allows. */
export function echoValues(schema: Schema, raw: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SECRET.test(key) || key === "__proto__") continue;
    const limit = fieldLimit(schema, key);
    if (typeof value === "string") out[key] = cut(value, limit.chars);
    else if (Array.isArray(value)) {
      out[key] = value
        .slice(0, limit.items)
        .filter((v): v is string => typeof v === "string")
        .map((v) => cut(v, limit.chars));
    }
  }
  return out;
}

/** Limits for a posted field name; dotted names ("indicators.0.name") walk into objects and arrays. */
export function fieldLimit(schema: Schema, key: string): Limit {
  let nodes = leaves(schema);
  for (const part of key.split(".")) {
    nodes = nodes.flatMap((node) => {
      const def = defOf(node);
      if (def.type === "object") {
        const shape = def.shape as Record<string, Schema>;
        return Object.hasOwn(shape, part) ? leaves(shape[part]) : [];
      }
      if (def.type === "array" && /^\d+$/.test(part)) return leaves(def.element as Schema);
      return [];
    });
  }
  // A field can be posted as text or as a list (checkboxes): the most generous reading wins, and
  // any reading without a bound falls back to the global cap.
  const arrays = nodes.filter((n) => defOf(n).type === "array");
  const texts = [
    ...nodes.filter((n) => defOf(n).type !== "array"),
    ...arrays.flatMap((a) => leaves(defOf(a).element as Schema)),
  ];
  return {
    chars: Math.min(ECHO_MAX_CHARS, mostOf(texts.map(charLimit))),
    items: Math.min(ECHO_MAX_ITEMS, mostOf(arrays.map(maxLengthCheck))),
  };
}

/** The schemas a value is finally checked against, looking through wrappers, pipes and unions. */
function leaves(schema: Schema): Schema[] {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "catch":
    case "readonly":
      return leaves(def.innerType as Schema);
    case "pipe": {
      // The raw value meets the input side; the output side sees something transformed (a list
      // split from a text, say), so it only counts after z.preprocess(), whose input is a bare transform.
      const input = leaves(def.in as Schema);
      return input.length ? input : leaves(def.out as Schema);
    }
    case "union":
      return (def.options as Schema[]).flatMap(leaves);
    case "transform":
      return [];
    default:
      return [schema];
  }
}

function charLimit(node: Schema): number | undefined {
  const def = defOf(node);
  if (def.type === "string") return maxLengthCheck(node);
  if (def.type === "number") return 32; // z.coerce.number(): digits, a sign, a point
  if (def.type === "literal") return Math.max(0, ...(def.values as unknown[]).map((v) => String(v).length));
  if (def.type === "enum")
    return Math.max(0, ...Object.values(def.entries as Record<string, string | number>).map((v) => String(v).length));
  return undefined;
}

function maxLengthCheck(node: Schema): number | undefined {
  const checks = (defOf(node).checks ?? []) as { _zod: { def: { check: string; maximum?: number } } }[];
  const maxima = checks.filter((c) => c._zod.def.check === "max_length").map((c) => Number(c._zod.def.maximum));
  return maxima.length ? Math.min(...maxima) : undefined;
}

/** The largest of the limits, or Infinity when there are none or one of them is unbounded. */
function mostOf(limits: (number | undefined)[]): number {
  if (limits.length === 0 || limits.some((l) => l === undefined)) return Infinity;
  return Math.max(...(limits as number[]));
}

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

/** The first `max` characters (after trimming, as the schemas do), never splitting a surrogate pair. */
function cut(raw: string, max: number): string {
  if (raw.length <= max) return raw;
  const value = raw.trim();
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? "") ? max - 1 : max;
  return value.slice(0, end);
}
