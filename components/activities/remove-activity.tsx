"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { archiveActivityAction, deleteActivityAction } from "@/lib/actions/activities";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";

interface Props {
  tenant: string;
  activity: { id: string; code: string; planId: string; archived: boolean; canDelete: boolean };
}

/**
 * Delete a never-reported activity, archive one with history, restore an archived one.
 * Deleting and archiving ask first, in the page (a second, explicit button), not in a browser dialog.
 */
export function RemoveActivity({ tenant, activity }: Props) {
  const t = useTranslations("activityForm");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [deleted, deleteAction, deleting] = useActionState(deleteActivityAction, null);
  const [archived, archiveAction, archiving] = useActionState(archiveActivityAction, null);
  const gone = deleted?.ok ? deleted.data : undefined;

  useEffect(() => {
    if (gone) router.push(`/${tenant}/plans/${gone.planId}`);
  }, [gone, router, tenant]);

  const hidden = (
    <>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="activityId" value={activity.id} />
    </>
  );
  if (activity.archived) {
    return (
      <form action={archiveAction} className="flex flex-col gap-2">
        {hidden}
        <input type="hidden" name="archived" value="false" />
        <p className="text-sm">{t("archivedNotice")}</p>
        <div>
          <Button variant="secondary" disabled={archiving}>
            {t("restore")}
          </Button>
        </div>
        <FormStatus state={archived} />
      </form>
    );
  }
  const remove = activity.canDelete;
  return (
    <form action={remove ? deleteAction : archiveAction} className="flex flex-col gap-2">
      {hidden}
      {!remove && <input type="hidden" name="archived" value="true" />}
      <p className="text-sm text-slate-800">{remove ? t("deleteHint") : t("archiveHint")}</p>
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="confirm-remove"
          className="flex flex-col gap-2 rounded-md border border-red-700 bg-red-50 p-3"
        >
          <p id="confirm-remove" className="text-sm font-medium text-red-900">
            {remove ? t("confirmDelete", { code: activity.code }) : t("confirmArchive", { code: activity.code })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" disabled={deleting || archiving} autoFocus>
              {remove ? t("confirmYesDelete") : t("confirmYesArchive")}
            </Button>
            <CancelButton onClick={() => setConfirming(false)} />
          </div>
        </div>
      ) : (
        <div>
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            {remove ? t("delete") : t("archive")}
          </Button>
        </div>
      )}
      <FormStatus state={remove ? deleted : archived} />
    </form>
  );
}

function CancelButton({ onClick }: { onClick: () => void }) {
  const t = useTranslations("common");
  return (
    <Button type="button" variant="secondary" onClick={onClick}>
      {t("cancel")}
    </Button>
  );
}
