"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { transitionUpdateAction } from "@/lib/actions/progress";
import type { UpdateAction } from "@/lib/domain/progress";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/message";
import { COMMENT_MAX } from "@/lib/validation/progress";

type Step = "approve" | "return" | "signOff" | "reopen";
const STEPS: Step[] = ["signOff", "approve", "return", "reopen"];

/** The reviewer's buttons on the report page: approve, return with a comment, sign off, reopen. */
export function ReviewControls({
  tenant,
  updateId,
  version,
  actions,
}: {
  tenant: string;
  updateId: string;
  version: number;
  actions: UpdateAction[];
}) {
  const t = useTranslations("progress.review");
  const [state, action, pending] = useActionState(transitionUpdateAction, null);
  const steps = STEPS.filter((s) => actions.includes(s));
  if (steps.length === 0) return null;
  const failed = state && !state.ok ? state : null;
  const needsComment = steps.includes("return") || steps.includes("reopen");
  return (
    <section
      aria-labelledby="review-title"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="review-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="version" value={version} />
        {needsComment && (
          <TextAreaField
            key={JSON.stringify(failed?.values ?? "")}
            label={t("comment")}
            name="comment"
            rows={3}
            maxLength={COMMENT_MAX}
            defaultValue={typeof failed?.values?.comment === "string" ? failed.values.comment : ""}
            error={failed?.fieldErrors?.comment}
            hint={t("commentHint")}
          />
        )}
        <div className="flex flex-wrap gap-3">
          {steps.map((s) => (
            <Button
              key={s}
              type="submit"
              name="step"
              value={s}
              variant={s === "return" || s === "reopen" ? "danger" : "primary"}
              disabled={pending}
            >
              {t(s)}
            </Button>
          ))}
        </div>
        <FormStatus state={state} />
      </form>
    </section>
  );
}
