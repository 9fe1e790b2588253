"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { archiveAgencyAction } from "@/lib/actions/agencies";
import { Button } from "@/components/ui/button";

export function ArchiveAgencyButton({
  tenant,
  agencyId,
  archived,
}: {
  tenant: string;
  agencyId: string;
  archived: boolean;
}) {
  const t = useTranslations("agencies");
  const [, action, pending] = useActionState(archiveAgencyAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name="agencyId" value={agencyId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <Button variant="secondary" disabled={pending} className="px-2 py-1">
        {archived ? t("restore") : t("archive")}
      </Button>
    </form>
  );
}
