"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { archiveAgencyAction } from "@/lib/actions/agencies";
import type { Texts } from "@/lib/domain/texts";
import { ActionsMenu, ActionsMenuItem } from "@/components/ui/actions-menu";
import { Modal } from "@/components/ui/dialog";
import { useMessage, useSavedToast } from "@/components/ui/message";
import { AgencyForm } from "./agency-form";

interface Props {
  tenant: string;
  /** The agency's name as the reader reads it, for the menu's and the dialog's names. */
  label: string;
  agency: { id: string; version: number; name: Texts; shortName: Texts; kind: string; archived: boolean };
}

/**
 * An agency row's actions in one menu: edit (in a dialog) and archive or restore. Archiving is
 * undone by restoring, so it asks nothing first. The archive form stays outside the menu, which
 * closes (and leaves the page) as an item is picked.
 */
export function AgencyActions({ tenant, label, agency }: Props) {
  const t = useTranslations();
  const message = useMessage();
  const [editing, setEditing] = useState(false);
  const [state, archive, pending] = useActionState(archiveAgencyAction, null);
  const archiveForm = useRef<HTMLFormElement>(null);
  useSavedToast(state);
  return (
    <div className="flex flex-col items-end gap-1">
      <ActionsMenu label={t("ui.actions.for", { name: label })}>
        <ActionsMenuItem onSelect={() => setEditing(true)}>{t("agencies.edit")}</ActionsMenuItem>
        <ActionsMenuItem disabled={pending} onSelect={() => archiveForm.current?.requestSubmit()}>
          {agency.archived ? t("agencies.restore") : t("agencies.archive")}
        </ActionsMenuItem>
      </ActionsMenu>
      <form ref={archiveForm} action={archive} hidden>
        <input type="hidden" name="tenant" value={tenant} />
        <input type="hidden" name="agencyId" value={agency.id} />
        <input type="hidden" name="archived" value={agency.archived ? "false" : "true"} />
      </form>
      {state && !state.ok && (
        <p role="status" className="text-xs text-red-800">
          {message(state.message)}
        </p>
      )}
      <Modal open={editing} onOpenChange={setEditing} title={t("ui.agencies.editTitle", { name: label })}>
        <AgencyForm
          tenant={tenant}
          agency={{
            id: agency.id,
            version: agency.version,
            name: agency.name,
            shortName: agency.shortName,
            kind: agency.kind,
          }}
        />
      </Modal>
    </div>
  );
}
