"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removeEvidenceAction } from "@/lib/actions/progress";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";

/** Removes one evidence file (while the update may change). */
export function RemoveEvidence({ tenant, evidenceId, name }: { tenant: string; evidenceId: string; name: string }) {
  const t = useTranslations("progress.evidence");
  const [state, action, pending] = useActionState(removeEvidenceAction, null);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <Button
        type="submit"
        variant="ghost"
        className="px-0 py-0"
        disabled={pending}
        aria-label={t("removeLabel", { name })}
      >
        {t("remove")}
      </Button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}
