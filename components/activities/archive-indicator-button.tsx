"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { archiveIndicatorAction } from "@/lib/actions/indicators";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";

/** Archive (after a confirmation in the page) or restore one indicator; its reported values stay. */
export function ArchiveIndicatorButton({
  tenant,
  indicator,
}: {
  tenant: string;
  indicator: { id: string; name: string; archived: boolean };
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(archiveIndicatorAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="indicatorId" value={indicator.id} />
      <input type="hidden" name="archived" value={indicator.archived ? "false" : "true"} />
      {indicator.archived ? (
        <div>
          <Button variant="secondary" disabled={pending}>
            {t("indicatorForm.restore")}
          </Button>
        </div>
      ) : confirming ? (
        <div
          role="alertdialog"
          aria-label={t("indicatorForm.archive")}
          className="flex flex-wrap items-center gap-2 rounded-md border border-red-700 bg-red-50 p-2"
        >
          <p className="text-sm text-red-900">{t("indicatorForm.confirmArchive", { name: indicator.name })}</p>
          <Button variant="danger" disabled={pending} autoFocus>
            {t("indicatorForm.archive")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      ) : (
        <div>
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            {t("indicatorForm.archive")}
          </Button>
        </div>
      )}
      <FormStatus state={state} />
    </form>
  );
}
