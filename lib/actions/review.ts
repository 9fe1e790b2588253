"use server";

import { revalidatePath } from "next/cache";
import { approveSelected, type BulkResult } from "@/lib/data/reporting/review";
import { transitionUpdate } from "@/lib/data/reporting/updates";
import { ConflictError } from "@/lib/domain/errors";
import { ApproveSelectedSchema, ReviewUpdateSchema, parseSelected } from "@/lib/validation/review";
import type { ActionResult } from "./result";
import { tenantAction } from "./safe-action";

const revalidateDesk = (slug: string) => {
  revalidatePath(`/${slug}/review`, "layout");
  revalidatePath(`/${slug}/activities`, "layout");
};

/** Approves or returns (with a comment) one update from its row of the queue. */
export const reviewUpdateAction = tenantAction(ReviewUpdateSchema, async (input, ctx): Promise<ActionResult> => {
  try {
    await transitionUpdate(ctx, {
      updateId: input.updateId,
      version: input.version,
      action: input.intent,
      comment: input.intent === "return" ? input.comment : null,
    });
  } catch (error) {
    // A stale version: someone moved the update since the queue was loaded.
    if (error instanceof ConflictError) return { ok: false, message: { key: "review.stale" } };
    throw error;
  }
  revalidateDesk(ctx.tenant.slug);
  return { ok: true, message: { key: input.intent === "approve" ? "review.done.approved" : "review.done.returned" } };
});

export type BulkOutcome = Pick<BulkResult, "skipped"> & { approved: number };

/** Approves the selected updates that need no comment; says which were skipped and why. */
export const approveSelectedAction = tenantAction(
  ApproveSelectedSchema,
  async (input, ctx): Promise<ActionResult<BulkOutcome>> => {
    const result = await approveSelected(ctx, parseSelected(input.selected));
    if (result.approved.length) revalidateDesk(ctx.tenant.slug);
    // A value either way: the page lists what was skipped and why, even when nothing was approved.
    return {
      ok: true,
      message: {
        key: result.approved.length ? "review.bulk.result" : "review.bulk.noneApproved",
        values: { approved: result.approved.length, skipped: result.skipped.length },
      },
      data: { approved: result.approved.length, skipped: result.skipped },
    };
  },
);
