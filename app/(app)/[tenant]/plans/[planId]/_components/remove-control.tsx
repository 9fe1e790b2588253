"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import {
  archiveObjectiveAction,
  archiveSectionAction,
  deleteObjectiveAction,
  deleteSectionAction,
} from "@/lib/actions/structure";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/ui/message";

const ACTIONS = {
  section: { archive: archiveSectionAction, delete: deleteSectionAction, field: "sectionId" },
  objective: { archive: archiveObjectiveAction, delete: deleteObjectiveAction, field: "objectiveId" },
} as const;

interface Props {
  kind: keyof typeof ACTIONS;
  tenant: string;
  id: string;
  name: string;
  /** Never had content: deleted for good. Otherwise archived, keeping its history. */
  deletable: boolean;
}

/** Delete (never used) or archive (has history); both ask before acting. */
export function RemoveControl({ kind, tenant, id, name, deletable }: Props) {
  const t = useTranslations("structure");
  const message = useMessage();
  const config = ACTIONS[kind];
  const [state, action, pending] = useActionState(deletable ? config.delete : config.archive, null);
  const confirmText = deletable ? t("confirmDelete", { name }) : t("confirmArchive", { name });
  return (
    <form
      action={action}
      className="inline-flex items-center gap-2"
      onSubmit={(e) => {
        if (!window.confirm(confirmText)) e.preventDefault();
      }}
    >
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name={config.field} value={id} />
      <Button variant="danger" disabled={pending} className="px-2 py-0.5">
        {deletable ? t("delete") : t("archive")}
        <span className="sr-only"> {name}</span>
      </Button>
      {state && !state.ok && (
        <span role="status" className="text-xs text-red-800">
          {message(state.message)}
        </span>
      )}
    </form>
  );
}
