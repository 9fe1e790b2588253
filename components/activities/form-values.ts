// Form values as the browser posts them (and as a failed action echoes them back): flat names,
// strings or string arrays. Repeated parts use dotted indexes: indicators.0.name (see
// lib/validation/activities.ts). These helpers read them back into the inputs.
import type { z } from "@/lib/validation/zod";
import type { ActivitySnapshot } from "@/lib/domain/activity-rules";
import type { MessageRef } from "@/lib/domain/errors";
import { toTexts, type Texts } from "@/lib/domain/texts";
import { fieldErrorsOf } from "@/lib/validation/activities";
import { formDataToObject, unflatten } from "@/lib/validation/form";

export type Values = Record<string, string | string[]>;
export type Errors = Record<string, MessageRef>;

export function text(values: Values, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export function list(values: Values, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** How many rows were posted under a prefix: "indicators." with indicators.0.x and indicators.1.y -> 2. */
export function rowCount(values: Values, prefix: string): number {
  let count = 0;
  for (const key of Object.keys(values)) {
    const m = key.startsWith(prefix) ? /^(\d+)\./.exec(key.slice(prefix.length)) : null;
    if (m) count = Math.max(count, Number(m[1]) + 1);
  }
  return count;
}

/** The values under a prefix, with the prefix taken off. */
export function subValues(values: Values, prefix: string): Values {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** Errors under a prefix, with the prefix taken off: each indicator's fields see their own. */
export function subErrors(errors: Errors, prefix: string): Errors {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** A content field as the form posts it: { "title.en": "...", "title.ru": "..." }. */
export function textValues(name: string, texts: Texts | null | undefined): Values {
  return Object.fromEntries(Object.entries(toTexts(texts)).map(([lang, t]) => [`${name}.${lang}`, t]));
}

export function activityValues(a: ActivitySnapshot): Values {
  const s = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    objectiveId: a.objectiveId,
    code: a.code,
    ...textValues("title", a.title),
    ...textValues("description", a.description),
    ...textValues("expectedResults", a.expectedResults),
    ...textValues("fundingSource", a.fundingSource),
    leadAgencyId: s(a.leadAgencyId),
    partnerAgencyIds: a.partnerAgencyIds,
    plannedStart: s(a.plannedStart),
    plannedEnd: s(a.plannedEnd),
    budget: s(a.budget),
    currency: s(a.currency),
    status: a.status,
    percentComplete: String(a.percentComplete),
  };
}

/**
 * The same checks the server runs, before anything is sent, all at once: the schema, and the rules
 * across fields on every field that parsed (an end before the start is said in the same answer as
 * a missing title, not after it). Null when the form may be posted.
 */
export function validateForm<T>(
  form: HTMLFormElement,
  schema: z.ZodType<T>,
  rules: (parsed: T) => Errors,
): Errors | null {
  const raw = formDataToObject(new FormData(form));
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    const errors = rules(parsed.data);
    return Object.keys(errors).length ? errors : null;
  }
  const errors = fieldErrorsOf(parsed.error);
  const failed = new Set(Object.keys(errors).map((k) => k.split(".")[0]));
  let across: Errors = {};
  try {
    // Best effort: a rule that needs a field that did not parse sees nothing there, or gives up.
    across = rules(fieldByField(schema, raw) as T);
  } catch {
    across = {};
  }
  for (const [k, v] of Object.entries(across)) if (!failed.has(k.split(".")[0])) errors[k] = v;
  return errors;
}

/** Each field of an object schema parsed on its own: its value where it is valid, null where not. */
function fieldByField(schema: z.ZodType, raw: Record<string, unknown>): Record<string, unknown> {
  const def = (
    schema as unknown as { _zod: { def: { type: string; out?: z.ZodType; shape?: Record<string, z.ZodType> } } }
  )._zod.def;
  const object = def.type === "pipe" && def.out ? fieldByFieldShape(def.out) : def.shape;
  if (!object) return {};
  const values = unflatten(raw);
  return Object.fromEntries(
    Object.entries(object).map(([k, field]) => {
      const r = field.safeParse(values[k]);
      return [k, r.success ? r.data : null];
    }),
  );
}

const fieldByFieldShape = (schema: z.ZodType) =>
  (schema as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def.shape;
