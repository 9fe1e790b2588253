// The report form, the reviewer's controls and a partner's contribution, shared by the browser
// and the server. Repeated parts are posted under dotted, zero-based names that equal the error
// paths (lib/validation/form.ts withDottedFields):
//   values.0.indicatorId, values.0.value, values.0.numerator, values.0.denominator, values.0.note,
//   values.0.breakdown.1.dimension, values.0.breakdown.1.cells.2.category, values.0.breakdown.1.cells.2.value
// (dimension and category names travel in hidden fields: they may hold any character, which a
// dotted name may not). Narratives per language: achievements.en, achievements.ru...
// Evidence: the file input "evidence" (several files) and one "evidenceAccess" per file, in order.
// Rules that need the indicators (units, cells adding up) are the data layer's
// (lib/domain/progress.ts checkIndicatorValue), reported on the same field names.
import { z } from "@/lib/validation/zod";
import { ACTIVITY_STATUSES, EVIDENCE_ACCESS } from "@/lib/domain/enums";
import { PERCENT_MAX, PERCENT_MIN } from "@/lib/domain/limits";
import type { IndicatorValueInput } from "@/lib/domain/types/progress";
import { decimalText } from "./activities";
import { IdSchema, TenantSlugSchema, VersionSchema, optionalText, textsField } from "./common";
import { isFile } from "./files";
import { unflatten } from "./form";

/**
 * withDottedFields for forms that carry files: unflatten() rebuilds every object it meets, which
 * would turn a File into {}; file fields (never dotted) are set aside and put back as they came.
 */
function withDottedFields<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
    const files: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (isFile(v) || (Array.isArray(v) && v.some(isFile))) files[k] = v;
      else rest[k] = v;
    }
    return { ...unflatten(rest), ...files };
  }, schema);
}

const isUnnamedEmpty = (f: File) => f.size === 0 && ["", "blob", "undefined"].includes(f.name);

export const NARRATIVE_MAX = 5000;
export const NOTE_MAX = 1000;
export const COMMENT_MAX = 2000;
export const EVIDENCE_MAX_FILES = 10;

/** The version the form was loaded with; empty when it showed no update yet. */
const optionalVersion = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  VersionSchema.optional().transform((v) => v ?? null),
);

const percent = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= PERCENT_MIN && Number(v) <= PERCENT_MAX, {
    error: "activityForm.validation.percent",
  })
  .transform(Number);

const cellSchema = z.object({ category: z.string().max(60), value: decimalText });
const breakdownSchema = z
  .array(z.object({ dimension: z.string().max(60), cells: z.array(cellSchema).max(20).optional() }))
  .max(5)
  .optional()
  .transform((dims): IndicatorValueInput["breakdown"] => {
    const out: Record<string, Record<string, number>> = {};
    for (const d of dims ?? []) {
      const cells = (d.cells ?? []).filter((c) => c.value !== null);
      if (cells.length) out[d.dimension] = Object.fromEntries(cells.map((c) => [c.category, Number(c.value)]));
    }
    return Object.keys(out).length ? out : null;
  });

export const IndicatorValueSchema = z.object({
  indicatorId: IdSchema,
  value: decimalText,
  numerator: decimalText,
  denominator: decimalText,
  breakdown: breakdownSchema,
  note: optionalText(NOTE_MAX),
});

const files = z
  .union([z.file(), z.array(z.file())])
  .optional()
  // A file input left empty still posts a part: no bytes, and no name (or one the decoder made up).
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((f) => !isUnnamedEmpty(f)))
  .pipe(z.array(z.file()).max(EVIDENCE_MAX_FILES, { error: "progress.evidence.tooMany" }));

const accessList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(EVIDENCE_ACCESS, { error: "validation.invalid" })).max(EVIDENCE_MAX_FILES));

const reportRef = {
  tenant: TenantSlugSchema,
  activityId: IdSchema,
  periodId: IdSchema,
  version: optionalVersion,
};

export const ReportFieldsSchema = z.object({
  activityStatus: z.enum(ACTIVITY_STATUSES, { error: "validation.invalid" }),
  percentComplete: percent,
  achievements: textsField(NARRATIVE_MAX),
  challenges: textsField(NARRATIVE_MAX),
  nextSteps: textsField(NARRATIVE_MAX),
  values: z
    .array(IndicatorValueSchema)
    .max(50)
    .optional()
    .transform((v) => v ?? []),
});

/** "Save draft" or "Submit for review" (the button pressed), with the files chosen. */
export const SaveReportSchema = withDottedFields(
  ReportFieldsSchema.extend({
    ...reportRef,
    intent: z.enum(["save", "submit"]).optional().default("save"),
    evidence: files,
    evidenceAccess: accessList,
  }),
);
export type SaveReportFormInput = z.infer<typeof SaveReportSchema>;

/** The draft saved when the page is left (no files: a beacon carries text only). */
export const DraftSchema = withDottedFields(ReportFieldsSchema.extend(reportRef));

/** "No change this period": the previous approved figures, carried with a note (required). */
export const CarryForwardSchema = withDottedFields(
  z.object({
    ...reportRef,
    note: textsField(NARRATIVE_MAX, { required: true }),
  }),
);

/** A reviewer's step (approve, return with a comment, sign off, reopen with a reason). */
export const TransitionSchema = z
  .object({
    tenant: TenantSlugSchema,
    updateId: IdSchema,
    version: VersionSchema,
    step: z.enum(["approve", "return", "signOff", "reopen"], { error: "validation.invalid" }),
    comment: optionalText(COMMENT_MAX),
  })
  .refine((v) => !(v.step === "return" || v.step === "reopen") || Boolean(v.comment), {
    path: ["comment"],
    error: "progress.refused.commentRequired",
  });

/** A partner agency's contribution: a note per language, and files of its own. */
export const ContributionSchema = withDottedFields(
  z.object({
    tenant: TenantSlugSchema,
    activityId: IdSchema,
    periodId: IdSchema,
    version: optionalVersion,
    note: textsField(NARRATIVE_MAX),
    evidence: files,
    evidenceAccess: accessList,
  }),
);

export const RemoveEvidenceSchema = z.object({ tenant: TenantSlugSchema, evidenceId: IdSchema });
