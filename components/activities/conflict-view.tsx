"use client";

import { useTranslations } from "next-intl";
import { CONTENT_LANGUAGE_NAMES, toTexts, type ContentLanguage } from "@/lib/domain/texts";
import { unflatten } from "@/lib/validation/form";
import { ConflictTable } from "@/components/ui/conflict-table";

export interface ConflictRow {
  field: string;
  label: string;
  /** Renders a saved value (typed) or a posted one (string or strings) as text. */
  show: (value: unknown) => string;
}

/** A value as text: a content field's languages one per line ("English: ..."), anything else as it is. */
export function plainValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !Array.isArray(v))
    return (Object.entries(toTexts(v)) as [ContentLanguage, string][])
      .map(([lang, text]) => `${CONTENT_LANGUAGE_NAMES[lang]}: ${text}`)
      .join("\n");
  return String(v);
}

export interface Conflict {
  version: number;
  values: Record<string, unknown>;
  changed: string[];
}

export function asConflict(current: Record<string, unknown> | undefined): Conflict | null {
  if (!current || typeof current.version !== "number" || !current.values) return null;
  return {
    version: current.version,
    values: current.values as Record<string, unknown>,
    changed: (current.changed as string[]) ?? [],
  };
}

/**
 * After a stale save: field by field, what the other person saved next to what this user typed.
 * Only differing fields are listed; the form below still holds the user's values.
 */
export function ConflictView({
  conflict,
  mine,
  rows,
  reloadHref,
}: {
  conflict: Conflict;
  mine: Record<string, unknown>;
  rows: ConflictRow[];
  reloadHref: string;
}) {
  const t = useTranslations("activityForm");
  const differing = rows.filter((r) => conflict.changed.includes(r.field));
  // What was typed arrives as posted ("title.ru"); the saved values are nested ({ title: { ru } }).
  const typed = unflatten(mine);
  return (
    <section
      aria-labelledby="conflict-title"
      className="flex flex-col gap-2 rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-950"
    >
      <h2 id="conflict-title" className="font-semibold">
        {t("conflictTitle")}
      </h2>
      <p>{t("conflictText")}</p>
      {differing.length === 0 ? (
        <p>{t("conflictNoDiff")}</p>
      ) : (
        <ConflictTable
          caption={t("conflictCaption")}
          headings={{ field: t("conflictField"), saved: t("conflictSaved"), mine: t("conflictMine") }}
          rows={differing.map((r) => ({
            key: r.field,
            label: r.label,
            saved: r.show(conflict.values[r.field]),
            mine: r.show(typed[r.field]),
          }))}
          empty={t("empty")}
        />
      )}
      <p>
        {/* A full load on purpose: the form starts again from the saved version. */}
        <a href={reloadHref} className="text-brand-700 underline">
          {t("loadSaved")}
        </a>
      </p>
    </section>
  );
}
