import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PlanTree } from "@/lib/domain/types/plans";
import { isOverdue } from "@/lib/domain/overdue";
import { ActivityTable } from "@/components/browse/activity-table";
import { MoveControls } from "./move-controls";
import { ObjectiveForm } from "./objective-form";
import { RemoveControl } from "./remove-control";
import { Text, type Reading } from "@/components/ui/text";

type Objective = PlanTree["sections"][number]["objectives"][number];

interface Props {
  tenant: string;
  planId: string;
  sectionId: string;
  objective: Objective;
  first: boolean;
  last: boolean;
  /** Present for managers of an open plan: the edit controls. */
  manage: { takenCodes: string[]; sections: { value: string; label: string }[] } | null;
  today: Date;
  reading: Reading;
}

export async function ObjectiveBlock({
  tenant,
  planId,
  sectionId,
  objective,
  first,
  last,
  manage,
  today,
  reading,
}: Props) {
  const t = await getTranslations();
  const headingId = `objective-${objective.id}`;
  const name = t("structure.objectiveName", { code: objective.code });
  return (
    <section aria-labelledby={headingId} className="border-t border-slate-200 px-4 py-3">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-medium">
          {objective.code} <Text value={objective.title} reading={reading} />
        </h3>
        {manage && (
          <>
            <MoveControls kind="objective" tenant={tenant} id={objective.id} name={name} first={first} last={last} />
            {objective.activities.length === 0 && (
              <RemoveControl
                kind="objective"
                tenant={tenant}
                id={objective.id}
                name={name}
                deletable={objective.deletable}
              />
            )}
          </>
        )}
      </div>
      {manage && (
        <details className="mb-2">
          <summary className="cursor-pointer text-sm text-brand-700">
            {t("structure.editObjective", { code: objective.code })}
          </summary>
          <div className="mt-2 max-w-xl">
            <ObjectiveForm
              tenant={tenant}
              sectionId={sectionId}
              objective={{
                id: objective.id,
                version: objective.version,
                sectionId,
                code: objective.code,
                title: objective.title,
              }}
              takenCodes={manage.takenCodes.filter((c) => c !== objective.code)}
              sections={manage.sections}
            />
            {objective.activities.length > 0 && (
              <p className="mt-2 text-xs text-slate-700">{t("structure.objectiveRemoveHint")}</p>
            )}
          </div>
        </details>
      )}
      {objective.activities.length > 0 ? (
        <ActivityTable
          tenant={tenant}
          variant="plain"
          reading={reading}
          caption={t("plans.activitiesOf", { code: objective.code })}
          rows={objective.activities.map((a) => ({ ...a, overdue: isOverdue(a, today) }))}
          actions={
            manage
              ? {
                  label: t("structure.order"),
                  render: (a, i) => (
                    <MoveControls
                      kind="activity"
                      tenant={tenant}
                      id={a.id}
                      name={t("structure.activityName", { code: a.code })}
                      first={i === 0}
                      last={i === objective.activities.length - 1}
                    />
                  ),
                }
              : undefined
          }
        />
      ) : (
        <p className="text-sm text-slate-700">{t("structure.noActivities")}</p>
      )}
      {manage && (
        <p className="mt-2 text-sm">
          <Link
            href={`/${tenant}/plans/${planId}/activities/new?objective=${objective.id}`}
            className="text-brand-700 underline-offset-2 hover:underline"
          >
            {t("structure.addActivity")}
            <span className="sr-only"> {t("structure.toObjective", { code: objective.code })}</span>
          </Link>
        </p>
      )}
    </section>
  );
}
