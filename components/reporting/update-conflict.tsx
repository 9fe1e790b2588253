"use client";

import { useTranslations } from "next-intl";
import { plainValue } from "@/components/activities/conflict-view";
import { ConflictTable } from "@/components/ui/conflict-table";
import { unflatten } from "@/lib/validation/form";

interface Row {
  label: string;
  theirs: string;
  mine: string;
}

type Saved = Record<string, unknown> & { values?: { indicatorId: string; value: string | null }[] };

/**
 * After a stale save of a progress update: what the other person saved next to what this person
 * typed, field by field (the differing ones). The form below keeps what was typed.
 */
export function UpdateConflict({
  current,
  mine,
  indicators,
  reloadHref,
  hadFiles,
}: {
  current: Saved;
  mine: Record<string, string | string[]>;
  indicators: { id: string; label: string }[];
  reloadHref: string;
  hadFiles: boolean;
}) {
  const t = useTranslations();
  const typed = unflatten(mine) as Record<string, unknown> & {
    values?: { indicatorId?: string; value?: string }[];
  };
  const status = (v: unknown) => (v ? t(`activityStatus.${String(v)}`) : "");
  const rows: Row[] = [
    {
      label: t("progress.fields.activityStatus"),
      theirs: status(current.activityStatus),
      mine: status(typed.activityStatus),
    },
    {
      label: t("progress.fields.percentComplete"),
      theirs: current.percentComplete === undefined ? "" : `${String(current.percentComplete)} %`,
      mine: typed.percentComplete ? `${String(typed.percentComplete)} %` : "",
    },
    ...(["achievements", "challenges", "nextSteps"] as const).map((f) => ({
      label: t(`progress.fields.${f}`),
      theirs: plainValue(current[f]),
      mine: plainValue(typed[f]),
    })),
    ...indicators.map((ind) => ({
      label: ind.label,
      theirs: current.values?.find((v) => v.indicatorId === ind.id)?.value ?? "",
      mine: typed.values?.find((v) => v.indicatorId === ind.id)?.value ?? "",
    })),
  ];
  const differing = rows.filter((r) => r.theirs.trim() !== r.mine.trim());
  return (
    <section
      aria-labelledby="update-conflict-title"
      className="flex flex-col gap-2 rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-950"
    >
      <h2 id="update-conflict-title" className="font-semibold">
        {t("progress.conflict.title")}
      </h2>
      <p>{t("progress.conflict.text")}</p>
      {hadFiles && <p>{t("progress.conflict.filesAgain")}</p>}
      {differing.length === 0 ? (
        <p>{t("progress.conflict.noDiff")}</p>
      ) : (
        <ConflictTable
          caption={t("progress.conflict.title")}
          headings={{
            field: t("progress.conflict.field"),
            saved: t("progress.conflict.theirs"),
            mine: t("progress.conflict.mine"),
          }}
          rows={differing.map((r) => ({ key: r.label, label: r.label, saved: r.theirs, mine: r.mine }))}
          empty="—"
        />
      )}
      <p>
        {/* A full load on purpose: the form starts again from the saved version. */}
        <a href={reloadHref} className="text-brand-700 underline">
          {t("progress.conflict.reload")}
        </a>
      </p>
    </section>
  );
}
