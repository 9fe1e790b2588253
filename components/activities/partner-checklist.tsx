"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import { useMessage } from "@/components/ui/message";
import { MultiSelect } from "@/components/ui/multi-select";

export interface AgencyOption {
  id: string;
  label: string;
  archived: boolean;
  /** The agency's names and short names in every content language, for the search. */
  keywords?: string;
}

/**
 * Partner agencies as a searchable multi-select; the lead agency is left out of the choice.
 * Posts `partnerAgencyIds` once per agency, as the checkboxes it replaced did. Without
 * JavaScript the chosen ones still post, and a plain checkbox list adds further ones.
 */
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
  const ui = useTranslations("ui.partners");
  const message = useMessage();
  const id = useId();
  const label = (a: AgencyOption) => (a.archived ? t("archivedAgency", { name: a.label }) : a.label);
  const choices = agencies
    .filter((a) => a.id !== leadAgencyId || selected.includes(a.id))
    .map((a) => ({ id: a.id, label: label(a), keywords: a.keywords }));
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ""}`;
  return (
    <fieldset
      data-field="partnerAgencyIds"
      aria-describedby={describedBy}
      aria-invalid={Boolean(error)}
      className="flex flex-col gap-1"
    >
      <legend className="text-sm font-medium text-slate-800">{t("partners")}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {ui("hint")}
      </p>
      {choices.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noAgencies")}</p>
      ) : (
        <>
          <MultiSelect
            name="partnerAgencyIds"
            options={choices}
            defaultSelected={selected}
            inputLabel={ui("search")}
            describedBy={describedBy}
            invalid={Boolean(error)}
          />
          <noscript>
            <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
              {choices
                .filter((a) => !selected.includes(a.id))
                .map((a) => (
                  <li key={a.id}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="partnerAgencyIds" value={a.id} className="mt-1" />
                      <span>{a.label}</span>
                    </label>
                  </li>
                ))}
            </ul>
          </noscript>
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {message(error)}
        </p>
      )}
    </fieldset>
  );
}
