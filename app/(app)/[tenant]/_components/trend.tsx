import { getFormatter, getTranslations } from "next-intl/server";
import { dashboardTrend } from "@/lib/data/dashboard";
import { textOf } from "@/lib/domain/texts";
import { formatPercent } from "@/components/browse/format";
import { TableScroll } from "@/components/ui/table-scroll";
import { TrendLines } from "@/components/dashboard/charts/lazy";
import type { PartProps } from "./part-props";
import { DashboardSection } from "@/components/dashboard/section";

const num = "px-2 py-2 text-right tabular-nums";

/** Progress over the reporting periods from the updates counted: planned against actual. */
export async function TrendSection({ ctx, view, locale, reading }: PartProps) {
  const [points, t, format] = await Promise.all([
    dashboardTrend(ctx, view, { locale }),
    getTranslations("dashboard.trend"),
    getFormatter(),
  ]);
  if (points.length === 0) return null;
  const pct = (n: number | null) => (n === null ? "—" : formatPercent(format, n));
  const last = points.at(-1)!;
  const summary = t("summary", {
    period: textOf(last.period.label, reading),
    actual: pct(last.actualPercent),
    planned: pct(last.plannedPercent),
    completed: last.completed,
    plannedCompleted: last.plannedCompleted,
  });
  const caption = t("caption");
  return (
    <DashboardSection id="trend" title={t("title")} description={t("method")}>
      <div className="flex flex-col gap-4">
        <TrendLines
          points={points.map((p) => ({
            label: textOf(p.period.label, reading),
            planned: p.plannedPercent,
            actual: p.actualPercent,
          }))}
          labels={{ planned: t("planned"), actual: t("actual") }}
          title={caption}
          summary={summary}
        />
        <details className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-700">{t("showTable")}</summary>
          <TableScroll label={caption}>
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("period")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("planned")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("actual")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("plannedCompleted")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("completed")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.period.id} className="border-t border-slate-200">
                    <th scope="row" className="px-2 py-2 text-left font-normal whitespace-nowrap">
                      {textOf(p.period.label, reading)}
                    </th>
                    <td className={num}>{pct(p.plannedPercent)}</td>
                    <td className={num}>{pct(p.actualPercent)}</td>
                    <td className={num}>{format.number(p.plannedCompleted)}</td>
                    <td className={num}>{format.number(p.completed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </div>
    </DashboardSection>
  );
}
