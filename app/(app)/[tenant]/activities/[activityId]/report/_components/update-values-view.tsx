import { getTranslations } from "next-intl/server";
import type { UpdateValues } from "@/lib/domain/types/progress";
import { ActivityStatusBadge } from "@/components/ui/status-badge";
import { Text, type Reading } from "@/components/ui/text";
import type { ReportIndicator } from "./report-values";

/** An update's content, to read: status and percent, the narratives, each indicator's value and cells. */
export async function UpdateValuesView({
  values: v,
  indicators,
  reading,
}: {
  values: UpdateValues;
  indicators: ReportIndicator[];
  reading: Reading;
}) {
  const t = await getTranslations("progress");
  const byId = new Map(v.values.map((x) => [x.indicatorId, x]));
  const none = "—";
  return (
    <dl className="flex flex-col gap-2 text-sm">
      <div>
        <dt className="text-slate-700">{t("fields.activityStatus")}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <ActivityStatusBadge status={v.activityStatus} /> {v.percentComplete} %
        </dd>
      </div>
      {v.noChange && <p className="text-slate-800">{t("page.noChangeMark")}</p>}
      {(["achievements", "challenges", "nextSteps"] as const).map((f) => (
        <div key={f}>
          <dt className="text-slate-700">{t(`fields.${f}`)}</dt>
          <dd className="break-words whitespace-pre-line">
            <Text value={v[f]} reading={reading} empty={none} />
          </dd>
        </div>
      ))}
      {indicators.map((ind) => {
        const x = byId.get(ind.id);
        const cells = x?.breakdown
          ? Object.entries(x.breakdown)
              .map(
                ([d, c]) =>
                  `${d}: ${Object.entries(c)
                    .map(([k, n]) => `${k} ${n}`)
                    .join(", ")}`,
              )
              .join("; ")
          : "";
        return (
          <div key={ind.id}>
            <dt className="text-slate-700">{ind.label}</dt>
            <dd className="break-words">
              {x?.value ?? none}
              {x?.numerator && x.denominator ? ` (${x.numerator} / ${x.denominator})` : ""}
              {cells && <span className="block text-xs text-slate-600">{cells}</span>}
              {x?.note && <span className="block text-xs text-slate-600">{x.note}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
