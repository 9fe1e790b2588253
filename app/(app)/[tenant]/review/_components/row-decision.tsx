"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { reviewUpdateAction } from "@/lib/actions/review";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";
import { REVIEW_COMMENT_MAX } from "@/lib/validation/review";

interface Props {
  tenant: string;
  updateId: string;
  version: number;
  code: string;
  /** Why approving is refused here, already in words; null when it may be approved. */
  cannotApprove: string | null;
  returnable: boolean;
}

/**
 * One update's decision: "Approve", or "Return" with a "Comment" (behind a disclosure, open again
 * when the comment was missing). Refusals (own submission, sign-off first, a stale version) are
 * shown beside the buttons; a plain form, so it works before the page's script has loaded.
 */
export function RowDecision({ tenant, updateId, version, code, cannotApprove, returnable }: Props) {
  const t = useTranslations("review");
  const [state, action, pending] = useActionState(reviewUpdateAction, null);
  const failed = state && !state.ok ? state : null;
  const commentError = failed?.fieldErrors?.comment;
  const typed = typeof failed?.values?.comment === "string" ? failed.values.comment : "";
  if (state?.ok) return <FormStatus state={state} />;
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={code} noValidate>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="updateId" value={updateId} />
      <input type="hidden" name="version" value={version} />
      {cannotApprove ? (
        <p className="text-sm text-slate-700">{cannotApprove}</p>
      ) : (
        <div>
          <Button name="intent" value="approve" disabled={pending} className="w-full sm:w-auto">
            {t("approve")}
          </Button>
        </div>
      )}
      {returnable && (
        <details open={Boolean(commentError) || undefined} className="rounded border border-slate-200 p-2">
          <summary className="cursor-pointer text-sm text-brand-700">{t("returnWithComment")}</summary>
          <div className="mt-2 flex flex-col gap-2">
            <TextAreaField
              label={t("comment")}
              name="comment"
              rows={3}
              maxLength={REVIEW_COMMENT_MAX}
              defaultValue={typed}
              hint={t("commentHint")}
              error={commentError}
            />
            <div>
              <Button name="intent" value="return" variant="danger" disabled={pending}>
                {t("return")}
              </Button>
            </div>
          </div>
        </details>
      )}
      <FormStatus state={failed && !commentError ? failed : null} />
    </form>
  );
}
