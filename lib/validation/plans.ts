// Plans and their structure: the schemas shared by the forms and the server actions.
// The date order is checked by a pure helper below, used as you type, by the schema (beside every
// other field's error) and again by the data layer.
import { z } from "@/lib/validation/zod";
import { isIsoDay, parseIsoDay } from "@/lib/domain/day";
import { PILLARS, PLAN_STATUSES } from "@/lib/domain/enums";
import type { MessageRef } from "@/lib/domain/errors";
import { INITIAL_PLAN_STATUSES } from "@/lib/domain/plan-status";
import { IdSchema, TenantSlugSchema, VersionSchema, optionalText, requiredText, textsField } from "./common";
import { withDottedFields } from "./form";
import { acrossFields } from "./rules";

/** Which way a section, objective or activity moves in its list. */
export const DIRECTIONS = ["up", "down"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A calendar day from a date input ("2025-01-31"), as midnight UTC: the way @db.Date stores it. */
export const DateSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine(isIsoDay, { error: "validation.invalid" })
  .transform(parseIsoDay);

/** The plan's end must come after its start; the message belongs next to the end field. */
export function planDatesError(
  start: Date | string | null | undefined,
  end: Date | string | null | undefined,
): MessageRef | null {
  if (!start || !end) return null;
  const time = (d: Date | string) =>
    typeof d !== "string" ? d.getTime() : isIsoDay(d) ? parseIsoDay(d).getTime() : NaN;
  const [s, e] = [time(start), time(end)];
  if (Number.isNaN(s) || Number.isNaN(e)) return null;
  return e > s ? null : { key: "planAdmin.validation.endBeforeStart" };
}

const pillar = z
  .union([z.enum(PILLARS, { error: "validation.invalid" }), z.literal("")])
  .optional()
  .transform((v) => (v ? v : null));

const planFields = {
  tenant: TenantSlugSchema,
  title: textsField(300, { required: true }),
  description: textsField(5000),
  startDate: DateSchema,
  endDate: DateSchema,
  predecessorId: optionalText(64),
};

/** The date order, reported with the other fields' errors (lib/validation/rules.ts). */
const withPlanRules = <S extends z.ZodObject<typeof planFields>>(schema: S) =>
  schema.check(
    acrossFields<z.infer<S>>(["startDate", "endDate"], (p): Record<string, MessageRef> => {
      const dates = planDatesError(p.startDate, p.endDate);
      return dates ? { endDate: dates } : {};
    }),
  );

export const CreatePlanSchema = withDottedFields(
  withPlanRules(
    z.object({
      ...planFields,
      status: z.enum(INITIAL_PLAN_STATUSES, { error: "validation.invalid" }).optional().default("DRAFT"),
    }),
  ),
);
export const UpdatePlanSchema = withDottedFields(
  withPlanRules(
    z.object({
      ...planFields,
      planId: IdSchema,
      version: VersionSchema,
      status: z.enum(PLAN_STATUSES, { error: "validation.invalid" }),
    }),
  ),
);
export const PlanRefSchema = z.object({ tenant: TenantSlugSchema, planId: IdSchema });
export type CreatePlanInput = z.infer<typeof CreatePlanSchema>;

const sectionFields = { tenant: TenantSlugSchema, title: textsField(300, { required: true }), pillar };
export const CreateSectionSchema = withDottedFields(
  z.object({ ...sectionFields, planId: IdSchema, code: optionalText(10) }),
);
export const UpdateSectionSchema = withDottedFields(
  z.object({ ...sectionFields, sectionId: IdSchema, version: VersionSchema, code: requiredText(10) }),
);
export const SectionRefSchema = z.object({ tenant: TenantSlugSchema, sectionId: IdSchema });

const objectiveFields = {
  tenant: TenantSlugSchema,
  code: requiredText(20),
  title: textsField(500, { required: true }),
};
export const CreateObjectiveSchema = withDottedFields(z.object({ ...objectiveFields, sectionId: IdSchema }));
export const UpdateObjectiveSchema = withDottedFields(
  z.object({ ...objectiveFields, objectiveId: IdSchema, version: VersionSchema, sectionId: IdSchema }),
);
export const ObjectiveRefSchema = z.object({ tenant: TenantSlugSchema, objectiveId: IdSchema });

const direction = z.enum(DIRECTIONS, { error: "validation.invalid" });
export const MoveSectionSchema = z.object({ tenant: TenantSlugSchema, sectionId: IdSchema, direction });
export const MoveObjectiveSchema = z.object({ tenant: TenantSlugSchema, objectiveId: IdSchema, direction });
export const MoveActivitySchema = z.object({ tenant: TenantSlugSchema, activityId: IdSchema, direction });
