// Activity and indicator forms, shared by the browser and the server.
// Repeated parts are posted as dotted, zero-based field names that equal the error paths:
//   indicators.0.name, indicators.0.disaggregation.1.dimension, indicators.0.disaggregation.1.categories
// (categories as one comma-separated text), and content per language as indicators.0.name.ru.
// withDottedFields() (lib/validation/form.ts) nests them before parsing, so an error on
// "indicators.0.name" lands next to the input of that name.
// The schemas check each field and the rules across fields (dates, lead vs partners, status vs
// percent, baseline vs target) from lib/domain/activity-rules.ts, each rule as soon as the fields it
// reads parse, so one answer carries every error; the data layer applies the same rules again.
import { z } from "@/lib/validation/zod";
import { isValidActivityCode, normaliseCode } from "@/lib/domain/codes";
import { isIsoDay } from "@/lib/domain/day";
import { ACTIVITY_RULES, INDICATOR_RULES } from "@/lib/domain/activity-rules";
import { ACTIVITY_STATUSES, INDICATOR_DIRECTIONS, INDICATOR_UNITS, INDICATOR_VALUE_KINDS } from "@/lib/domain/enums";
import type { MessageRef } from "@/lib/domain/errors";
import { AMOUNT_INTEGER_DIGITS, AMOUNT_SCALE, PERCENT_MAX, PERCENT_MIN, YEAR_MAX, YEAR_MIN } from "@/lib/domain/limits";
import { IdSchema, TenantSlugSchema, VersionSchema, optionalText, requiredText, textsField } from "./common";
import { ruleValues, withDottedFields } from "./form";
import { acrossFields } from "./rules";

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** An ISO day from <input type="date">, or null when empty. */
const isoDay = z
  .string()
  .optional()
  .transform(blankToNull)
  .refine((v) => v === null || isIsoDay(v), { error: "activityForm.validation.date" });

// Decimal(14,2): at most 12 digits before the point and 2 after, so it always fits the column.
const AMOUNT = new RegExp(`^\\d{1,${AMOUNT_INTEGER_DIGITS}}(\\.\\d{1,${AMOUNT_SCALE}})?$`);

/** A non-negative amount with at most two decimals (Decimal(14,2)); "1 000,50" is read as 1000.50. */
export const decimalText = z
  .string()
  .optional()
  .transform((v) => blankToNull(v?.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".")))
  .refine((v) => v === null || AMOUNT.test(v), { error: "activityForm.validation.decimal" })
  .transform((v) => (v === null ? null : normalizeDecimal(v)));

function normalizeDecimal(v: string): string {
  const [int, frac = ""] = v.split(".");
  const i = int.replace(/^0+(?=\d)/, "");
  const f = frac.replace(/0+$/, "");
  return f ? `${i}.${f}` : i;
}

const optionalId = z.string().max(64).optional().transform(blankToNull);

/** Checkboxes post nothing, one value or several: always an array of distinct ids. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))].sort())
  .pipe(z.array(z.string().max(64)).max(50, { error: "validation.invalid" }));

const year = z
  .string()
  .optional()
  .transform(blankToNull)
  .refine((v) => v === null || (/^\d{4}$/.test(v) && Number(v) >= YEAR_MIN && Number(v) <= YEAR_MAX), {
    error: "indicatorForm.validation.year",
  })
  .transform((v) => (v === null ? null : Number(v)));

const categoryList = z
  .string({ error: "validation.required" })
  .transform((v) => [
    ...new Set(
      v
        .split(/[,;\n]/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().max(60, { error: "validation.tooLong" }))
      .min(1, { error: "validation.required" })
      .max(20, { error: "validation.invalid" }),
  );

export const DisaggregationSchema = z
  .array(z.object({ dimension: requiredText(60), categories: categoryList }))
  .max(5, { error: "validation.invalid" })
  .optional()
  .transform((v) => v ?? [])
  .refine((v) => new Set(v.map((d) => d.dimension.toLowerCase())).size === v.length, {
    error: "indicatorForm.validation.dimensionRepeated",
  });

const indicatorShape = {
  name: textsField(300, { required: true }),
  unit: z.enum(INDICATOR_UNITS, { error: "validation.invalid" }),
  unitLabel: textsField(80),
  baseline: decimalText,
  baselineYear: year,
  baselineSource: textsField(300),
  target: decimalText,
  targetYear: year,
  direction: z.enum(INDICATOR_DIRECTIONS, { error: "validation.invalid" }),
  valueKind: z.enum(INDICATOR_VALUE_KINDS, { error: "validation.invalid" }),
  disaggregation: DisaggregationSchema,
};
/** An object schema with the indicator's fields and its rules across them. */
const withIndicatorRules = <S extends z.ZodObject<typeof indicatorShape>>(schema: S) =>
  schema.check(...INDICATOR_RULES.map((r) => acrossFields<z.infer<S>>(r.reads, r.check)));
export const IndicatorFieldsSchema = withIndicatorRules(z.object(indicatorShape));
export type IndicatorFields = z.infer<typeof IndicatorFieldsSchema>;

const percent = z
  .string()
  .optional()
  .transform((v) => blankToNull(v) ?? "0")
  .refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= PERCENT_MIN && Number(v) <= PERCENT_MAX, {
    error: "activityForm.validation.percent",
  })
  .transform(Number);

const activityFields = {
  tenant: TenantSlugSchema,
  objectiveId: IdSchema,
  code: requiredText(20)
    .transform(normaliseCode)
    .refine(isValidActivityCode, { error: "activityForm.validation.codeFormat" }),
  title: textsField(500, { required: true }),
  description: textsField(5000),
  expectedResults: textsField(5000),
  leadAgencyId: optionalId,
  partnerAgencyIds: idList,
  plannedStart: isoDay,
  plannedEnd: isoDay,
  budget: decimalText,
  currency: z
    .string()
    .optional()
    .transform((v) => blankToNull(v)?.toUpperCase() ?? null)
    .refine((v) => v === null || /^[A-Z]{3}$/.test(v), { error: "activityForm.validation.currency" }),
  fundingSource: textsField(300),
  status: z.enum(ACTIVITY_STATUSES, { error: "validation.invalid" }),
  percentComplete: percent,
};

/** An object schema with the activity's fields and its rules across them (lib/domain/activity-rules.ts). */
const withActivityRules = <S extends z.ZodObject<typeof activityFields>>(schema: S) =>
  schema.check(...ACTIVITY_RULES.map((r) => acrossFields<z.infer<S>>(r.reads, r.check)));

export const CreateActivitySchema = withDottedFields(
  withActivityRules(
    z.object({
      ...activityFields,
      planId: IdSchema,
      indicators: z
        .array(IndicatorFieldsSchema)
        .max(20, { error: "validation.invalid" })
        .optional()
        .transform((v) => v ?? []),
    }),
  ),
);
const UpdateActivityFields = withActivityRules(
  z.object({
    ...activityFields,
    activityId: IdSchema,
    version: VersionSchema,
    reason: optionalText(1000),
  }),
);
export const UpdateActivitySchema = withDottedFields(UpdateActivityFields);
export type UpdateActivityInput = z.infer<typeof UpdateActivitySchema>;
export type ActivityFields = Omit<UpdateActivityInput, "activityId" | "version" | "reason" | "tenant">;
export type CreateActivityInput = z.infer<typeof CreateActivitySchema>;

export const ActivityRefSchema = z.object({ tenant: TenantSlugSchema, activityId: IdSchema });
export const ArchiveActivitySchema = ActivityRefSchema.extend({ archived: z.enum(["true", "false"]) });
export const CheckCodeSchema = z.object({
  tenant: TenantSlugSchema,
  planId: IdSchema,
  code: z.string().max(20).transform(normaliseCode),
  exceptActivityId: optionalId,
});

export const CreateIndicatorSchema = withDottedFields(
  withIndicatorRules(z.object({ ...indicatorShape, tenant: TenantSlugSchema, activityId: IdSchema })),
);
export const UpdateIndicatorSchema = withDottedFields(
  withIndicatorRules(
    z.object({
      ...indicatorShape,
      tenant: TenantSlugSchema,
      indicatorId: IdSchema,
      version: VersionSchema,
      reason: optionalText(1000),
    }),
  ),
);
export const ArchiveIndicatorSchema = z.object({
  tenant: TenantSlugSchema,
  indicatorId: IdSchema,
  archived: z.enum(["true", "false"]),
});

/**
 * For the browser: the schema's issues as field errors, keeping this form's own message keys
 * (the shared mapper keeps only core "validation." keys).
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, MessageRef> {
  const out: Record<string, MessageRef> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    if (out[field]) continue;
    if (/^(validation|activityForm|indicatorForm|limits)\./.test(issue.message)) {
      const values: Record<string, string | number> = { ...ruleValues(issue) };
      if ("maximum" in issue) values.max = Number(issue.maximum);
      if ("minimum" in issue) values.min = Number(issue.minimum);
      out[field] = Object.keys(values).length ? { key: issue.message, values } : { key: issue.message };
    } else out[field] = { key: issue.code === "invalid_type" ? "validation.required" : "validation.invalid" };
  }
  return out;
}
