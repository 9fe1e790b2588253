import { getTranslations } from "next-intl/server";
import type { PlanTree } from "@/lib/domain/types/plans";
import { suggestNextCode } from "@/lib/domain/codes";
import { MoveControls } from "./move-controls";
import { ObjectiveBlock } from "./objective-block";
import { ObjectiveForm } from "./objective-form";
import { RemoveControl } from "./remove-control";
import { SectionForm } from "./section-form";
import { textOf } from "@/lib/domain/texts";
import { PillarBadge } from "@/components/ui/status-badge";
import { Text, type Reading } from "@/components/ui/text";
import { isOverdue } from "@/lib/domain/overdue";

type Section = PlanTree["sections"][number];

interface Props {
  tenant: string;
  planId: string;
  section: Section;
  first: boolean;
  last: boolean;
  /** For managers of an open plan: what the edit forms check as you type. */
  manage: { sectionCodes: string[]; objectiveCodes: string[]; sections: { value: string; label: string }[] } | null;
  today: Date;
  reading: Reading;
}

/** A collapsible section with its objectives; managers also get its controls and an "add objective" form. */
export async function SectionBlock({ tenant, planId, section, first, last, manage, today, reading }: Props) {
  const t = await getTranslations();
  const title = textOf(section.title, reading);
  const name = t("structure.sectionName", { code: section.code, title });
  const objectiveManage = manage && { takenCodes: manage.objectiveCodes, sections: manage.sections };
  // What the section holds, said in its summary so a folded section still tells how it stands.
  const activities = section.objectives.flatMap((o) => o.activities);
  const completed = activities.filter((a) => a.status === "COMPLETED").length;
  const overdue = activities.filter((a) => isOverdue(a, today)).length;
  // "1. Prevention" needs no "(Prevention)" after it: the pillar shows when the title is another.
  const pillarName = section.pillar ? t(`pillars.${section.pillar}`) : null;
  const showPillar = section.pillar && pillarName?.toLowerCase() !== title.toLowerCase();
  return (
    <details open className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <summary className="cursor-pointer px-4 py-3">
        <h2 className="inline text-lg font-semibold">
          {section.code}. <Text value={section.title} reading={reading} />
        </h2>{" "}
        {showPillar && section.pillar && <PillarBadge pillar={section.pillar} />}{" "}
        <span className="text-sm font-normal text-slate-700">
          {t("structure.sectionCounts", { activities: activities.length, completed, overdue })}
        </span>
      </summary>
      {manage && (
        <div className="flex flex-wrap items-start gap-3 px-4 pb-3">
          <MoveControls kind="section" tenant={tenant} id={section.id} name={name} first={first} last={last} />
          {section.objectives.length === 0 && (
            <RemoveControl kind="section" tenant={tenant} id={section.id} name={name} deletable={section.deletable} />
          )}
          <details className="basis-full">
            <summary className="cursor-pointer text-sm text-brand-700">
              {t("structure.editSection", { code: section.code })}
            </summary>
            <div className="mt-2 max-w-xl">
              <SectionForm
                tenant={tenant}
                planId={planId}
                section={{
                  id: section.id,
                  version: section.version,
                  code: section.code,
                  title: section.title,
                  pillar: section.pillar,
                }}
                suggestedCode={section.code}
                takenCodes={manage.sectionCodes.filter((c) => c !== section.code)}
              />
              {section.objectives.length > 0 && (
                <p className="mt-2 text-xs text-slate-700">{t("structure.sectionRemoveHint")}</p>
              )}
            </div>
          </details>
        </div>
      )}
      {section.objectives.length === 0 && (
        <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-700">{t("structure.noObjectives")}</p>
      )}
      {section.objectives.map((objective, i) => (
        <ObjectiveBlock
          key={objective.id}
          tenant={tenant}
          planId={planId}
          sectionId={section.id}
          objective={objective}
          first={i === 0}
          last={i === section.objectives.length - 1}
          manage={objectiveManage || null}
          today={today}
          reading={reading}
        />
      ))}
      {manage && (
        <details className="border-t border-slate-200 px-4 py-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("structure.addObjectiveTo", { code: section.code })}
          </summary>
          <div className="mt-2 max-w-xl">
            <ObjectiveForm
              tenant={tenant}
              sectionId={section.id}
              suggestedCode={suggestNextCode(section.code, manage.objectiveCodes)}
              takenCodes={manage.objectiveCodes}
            />
          </div>
        </details>
      )}
    </details>
  );
}
