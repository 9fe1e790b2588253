// Rules across fields, inside the schemas, reported together with every other field's error.
// Zod 4 skips an object's refinements once any field failed with an aborting issue, so a rule
// written as .superRefine() on the object shows only after everything else is fixed: errors in
// waves. acrossFields() runs its rule whenever the fields it reads parsed, whatever else failed.
import { z } from "@/lib/validation/zod";
import type { MessageRef } from "@/lib/domain/errors";
import { unflatten } from "./form";

/** Issues carry the message's values here, read back by fieldErrorsFrom (lib/validation/form.ts). */
export interface RuleIssueParams {
  values?: Record<string, string | number>;
}

/**
 * A check for an object schema: `rule` sees the object and returns field errors keyed by dotted
 * path ("plannedEnd", "indicators.0.target"). It runs when none of `reads` (top-level keys) has
 * an issue of its own, so a date order is reported beside an empty title.
 */
export function acrossFields<T>(reads: readonly (keyof T & string)[], rule: (value: T) => Record<string, MessageRef>) {
  return z.superRefine<T>(
    (value, ctx) => {
      for (const [path, ref] of Object.entries(rule(value))) {
        const params: RuleIssueParams | undefined = ref.values ? { values: ref.values } : undefined;
        ctx.addIssue({ code: "custom", path: path.split("."), message: ref.key, params, input: value });
      }
    },
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        !payload.issues.some((issue) => (reads as readonly PropertyKey[]).includes(issue.path?.[0] as PropertyKey)),
    },
  );
}

/** The object schema under the wrappers a form schema may have (withDottedFields, .check). */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodPipe) s = s.out as z.ZodType;
  return s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : null;
}

/**
 * The fields of a form that parse on their own, parsed, when the form as a whole did not: what the
 * rules that read other rows can still check, so their errors join zod's in the same answer.
 */
export function fieldsThatParse(schema: z.ZodType, raw: Record<string, unknown>): Record<string, unknown> {
  const shape = objectShape(schema);
  if (!shape) return {};
  const input = unflatten(raw);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const parsed = field.safeParse(input[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}
