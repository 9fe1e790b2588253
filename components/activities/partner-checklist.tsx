"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import { useMessage } from "@/components/ui/message";

export interface AgencyOption {
  id: string;
  label: string;
  archived: boolean;
}

/** Partner agencies as a group of checkboxes; the lead agency is left out of the choice. */
export function PartnerChecklist({
  agencies,
  selected,
  leadAgencyId,
  error,
}: {
  agencies: AgencyOption[];
  selected: string[];
  leadAgencyId: string;
  error?: MessageRef;
}) {
  const t = useTranslations("activityForm");
  const message = useMessage();
  const id = useId();
  const choices = agencies.filter((a) => a.id !== leadAgencyId || selected.includes(a.id));
  return (
    <fieldset
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      aria-invalid={Boolean(error)}
      className="flex flex-col gap-1"
    >
      <legend className="text-sm font-medium text-slate-800">{t("partners")}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("partnersHint")}
      </p>
      {choices.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noAgencies")}</p>
      ) : (
        <ul className="grid grid-cols-1 max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-300 bg-white p-2 sm:grid-cols-2">
          {choices.map((a) => (
            <li key={a.id}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="partnerAgencyIds"
                  value={a.id}
                  defaultChecked={selected.includes(a.id)}
                  className="mt-1"
                />
                <span>{a.archived ? t("archivedAgency", { name: a.label }) : a.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {message(error)}
        </p>
      )}
    </fieldset>
  );
}
