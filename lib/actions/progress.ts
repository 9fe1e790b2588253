"use server";

// The report form, the reviewer's steps, a partner's contribution and evidence files: each a thin
// action through tenantAction; the data layer (lib/data/reporting/) decides who may do what.
import { revalidatePath } from "next/cache";
import { saveContribution } from "@/lib/data/reporting/contributions";
import { addEvidence, checkEvidenceFiles, removeEvidence, type EvidenceUpload } from "@/lib/data/reporting/evidence";
import { carryForward, reportRuleErrors, saveReport, transitionUpdate } from "@/lib/data/reporting/updates";
import { RuleError } from "@/lib/domain/errors";
import type { EvidenceAccess } from "@/lib/domain/enums";
import {
  CarryForwardSchema,
  ContributionSchema,
  RemoveEvidenceSchema,
  SaveReportSchema,
  TransitionSchema,
} from "@/lib/validation/progress";
import type { ActionResult } from "./result";
import { tenantAction } from "./safe-action";

// An update moves the activity page, the plan page and the review pages: refresh the tenant's pages.
const refresh = (slug: string) => revalidatePath(`/${slug}`, "layout");

const uploadsOf = (files: File[], access: EvidenceAccess[]): EvidenceUpload[] =>
  files.map((file, i) => ({ file, access: access[i] ?? "RESTRICTED" }));

/** The files' errors as a refused result, or null when every file may be stored. */
async function refusedFiles(uploads: EvidenceUpload[]): Promise<ActionResult<never> | null> {
  if (uploads.length === 0) return null;
  try {
    await checkEvidenceFiles(uploads);
    return null;
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    return { ok: false, message: { key: error.message }, fieldErrors: error.fieldErrors };
  }
}

export interface SavedReport {
  id: string;
  version: number;
  status: string;
  files: number;
}

/**
 * "Save draft" and "Submit for review". Files are checked before anything is saved; with files,
 * the draft is saved, the files added, then (when submitting) the update submitted, so that a
 * submitted update never changes under the reviewer's eyes.
 */
export const saveReportAction = tenantAction(
  SaveReportSchema,
  async (input, ctx): Promise<ActionResult<SavedReport>> => {
    const { tenant: _t, activityId, periodId, version, intent, evidence, evidenceAccess, ...fields } = input;
    const uploads = uploadsOf(evidence, evidenceAccess);
    const refused = await refusedFiles(uploads);
    if (refused) return refused;
    const submit = intent === "submit";
    let saved = await saveReport(ctx, {
      activityId,
      periodId,
      version,
      input: fields,
      submit: submit && uploads.length === 0,
    });
    if (uploads.length) {
      await addEvidence(ctx, saved.id, uploads);
      if (submit)
        saved = await saveReport(ctx, { activityId, periodId, version: saved.version, input: fields, submit: true });
    }
    refresh(ctx.tenant.slug);
    return {
      ok: true,
      data: { ...saved, files: uploads.length },
      message: { key: submit ? "progress.form.submitted" : "progress.form.saved" },
    };
  },
  // A form that fails its schema still hears about its values' rules (cells that do not add up,
  // a percentage over 100) in the same answer, with or without JavaScript.
  { rulesWhenInvalid: (partial, ctx) => reportRuleErrors(ctx, partial) },
);

/** "No change this period": the last approved figures, carried forward with a note, and submitted. */
export const carryForwardAction = tenantAction(CarryForwardSchema, async (input, ctx) => {
  const data = await carryForward(ctx, {
    activityId: input.activityId,
    periodId: input.periodId,
    version: input.version,
    note: input.note,
  });
  refresh(ctx.tenant.slug);
  return { ok: true, data, message: { key: "progress.form.carried" } };
});

/** Approve, return (with a comment), sign off, or reopen (with a reason). */
export const transitionUpdateAction = tenantAction(TransitionSchema, async (input, ctx) => {
  const data = await transitionUpdate(ctx, {
    updateId: input.updateId,
    version: input.version,
    action: input.step,
    comment: input.comment,
  });
  refresh(ctx.tenant.slug);
  return { ok: true, data, message: { key: `progress.review.done.${input.step}` } };
});

/** A partner agency's note (and files) on the update the lead agency started. */
export const saveContributionAction = tenantAction(
  ContributionSchema,
  async (input, ctx): Promise<ActionResult<{ id: string; version: number; updateId: string }>> => {
    const uploads = uploadsOf(input.evidence, input.evidenceAccess);
    const refused = await refusedFiles(uploads);
    if (refused) return refused;
    const saved = await saveContribution(
      ctx,
      { activityId: input.activityId, periodId: input.periodId },
      input.note,
      input.version,
    );
    if (uploads.length) await addEvidence(ctx, saved.updateId, uploads);
    refresh(ctx.tenant.slug);
    return { ok: true, data: saved, message: { key: "progress.contribution.saved" } };
  },
);

export const removeEvidenceAction = tenantAction(RemoveEvidenceSchema, async (input, ctx) => {
  await removeEvidence(ctx, input.evidenceId);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: "progress.evidence.removed" } };
});
