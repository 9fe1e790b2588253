// Reporting periods and the exceptions to their locks: the schemas shared by the forms and the
// server actions. Days stay "YYYY-MM-DD" strings here: the rules between them
// (lib/domain/periods.ts periodDayErrors) and against the plan run in the data layer, all at once.
import { z } from "@/lib/validation/zod";
import { isIsoDay } from "@/lib/domain/day";
import { CADENCES, DEFAULT_PERIOD_RULES } from "@/lib/domain/periods";
import { IdSchema, TenantSlugSchema, VersionSchema, requiredText, textsField } from "./common";
import { withDottedFields } from "./form";

/** A calendar day from a date input, kept as "YYYY-MM-DD". */
export const DaySchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine(isIsoDay, { error: "validation.invalid" });

/** Days a rule counts (opens before the end, due after it, grace): a whole number of days up to a year. */
const dayCount = (fallback: number) =>
  z
    .union([z.literal(""), z.coerce.number({ error: "validation.invalid" })])
    .optional()
    .transform((v) => (v === "" || v === undefined ? fallback : v))
    .pipe(
      z
        .number({ error: "validation.invalid" })
        .int({ error: "validation.invalid" })
        .min(0, { error: "limits.numberTooSmall" })
        .max(366, { error: "limits.numberTooLarge" }),
    );

export const PERIOD_LABEL_MAX = 120;
export const REASON_MAX = 1000;

const periodFields = {
  tenant: TenantSlugSchema,
  label: textsField(PERIOD_LABEL_MAX, { required: true }),
  startDate: DaySchema,
  endDate: DaySchema,
  opensOn: DaySchema,
  dueDate: DaySchema,
  locksOn: DaySchema,
};

export const CreatePeriodSchema = withDottedFields(z.object({ ...periodFields, planId: IdSchema }));
export const UpdatePeriodSchema = withDottedFields(
  z.object({ ...periodFields, periodId: IdSchema, version: VersionSchema }),
);

export const GeneratePeriodsSchema = z.object({
  tenant: TenantSlugSchema,
  planId: IdSchema,
  cadence: z.enum(CADENCES, { error: "validation.invalid" }),
  opensBeforeEnd: dayCount(DEFAULT_PERIOD_RULES.opensBeforeEnd),
  dueAfterEnd: dayCount(DEFAULT_PERIOD_RULES.dueAfterEnd),
  graceDays: dayCount(DEFAULT_PERIOD_RULES.graceDays),
});

export const PeriodRefSchema = z.object({ tenant: TenantSlugSchema, periodId: IdSchema });

export const ClosePeriodSchema = z.object({
  tenant: TenantSlugSchema,
  periodId: IdSchema,
  reason: requiredText(REASON_MAX),
});

export const ReopenPeriodSchema = z.object({
  tenant: TenantSlugSchema,
  periodId: IdSchema,
  until: DaySchema,
  reason: requiredText(REASON_MAX),
});

export const EXCEPTION_SCOPES = ["agency", "activity"] as const;

/**
 * An exception for one agency or one activity: the form posts the scope and both choices (a
 * select each); only the chosen scope's id is kept, and it is required.
 */
export const GrantExceptionSchema = z
  .object({
    tenant: TenantSlugSchema,
    periodId: IdSchema,
    scope: z.enum(EXCEPTION_SCOPES, { error: "validation.required" }),
    agencyId: z.string().max(64).optional(),
    activityId: z.string().max(64).optional(),
    until: DaySchema,
    reason: requiredText(REASON_MAX),
  })
  .superRefine((v, ctx) => {
    const field = v.scope === "agency" ? "agencyId" : "activityId";
    if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
  })
  .transform(({ scope, agencyId, activityId, ...rest }) => ({
    ...rest,
    agencyId: scope === "agency" ? agencyId! : null,
    activityId: scope === "activity" ? activityId! : null,
  }));

export const RevokeExceptionSchema = z.object({ tenant: TenantSlugSchema, exceptionId: IdSchema });
