"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { archivePlanAction, deletePlanAction } from "@/lib/actions/plans";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";

/**
 * Delete for a draft without history, archive otherwise. Both ask first: deleting cannot be
 * undone, and an archived plan leaves every list.
 */
export function RemovePlan({
  tenant,
  planId,
  title,
  deletable,
}: {
  tenant: string;
  planId: string;
  title: string;
  deletable: boolean;
}) {
  const t = useTranslations("planAdmin");
  const router = useRouter();
  const [state, action, pending] = useActionState(deletable ? deletePlanAction : archivePlanAction, null);
  const done = Boolean(state?.ok);
  useEffect(() => {
    if (done) router.push(`/${tenant}`);
  }, [done, router, tenant]);
  return (
    <section className="rounded-lg border border-red-200 bg-white p-6 shadow-sm" aria-labelledby="remove-plan-heading">
      <h2 id="remove-plan-heading" className="mb-2 text-lg font-semibold">
        {deletable ? t("deleteHeading") : t("archiveHeading")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{deletable ? t("deleteExplain") : t("archiveExplain")}</p>
      <form
        action={action}
        onSubmit={(e) => {
          if (!window.confirm(deletable ? t("confirmDelete", { title }) : t("confirmArchive", { title })))
            e.preventDefault();
        }}
      >
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="planId" value={planId} />
        <Button variant="danger" disabled={pending || done}>
          {deletable ? t("delete") : t("archive")}
        </Button>
      </form>
      <FormStatus state={state} />
    </section>
  );
}
