import { getFormatter, getTranslations } from "next-intl/server";
import { hasText, textOf } from "@/lib/domain/texts";
import type { ActivityDetail, IndicatorDetail } from "@/lib/domain/types/activity-browse";
import { formatDay, type Formatter } from "@/components/browse/format";
import { Text, type Reading } from "@/components/ui/text";
import { TableScroll } from "@/components/ui/table-scroll";

/** A value in the indicator's unit: a number, a percentage, or yes / no. */
function formatValue(
  i: IndicatorDetail,
  value: number | null,
  format: Formatter,
  yesNo: { yes: string; no: string },
  none: string,
): string {
  if (value === null) return none;
  if (i.unit === "YES_NO") return value > 0 ? yesNo.yes : yesNo.no;
  if (i.unit === "PERCENT") return format.number(value / 100, { style: "percent", maximumFractionDigits: 2 });
  return format.number(value, { maximumFractionDigits: 2 });
}

/** Values per category, e.g. "sex: female 12, male 8". */
function breakdownText(breakdown: Record<string, Record<string, number>>, format: Formatter): string {
  return Object.entries(breakdown)
    .filter(([, byCategory]) => byCategory && typeof byCategory === "object")
    .map(
      ([dimension, byCategory]) =>
        `${dimension}: ${Object.entries(byCategory)
          .map(([c, n]) => `${c} ${format.number(Number(n))}`)
          .join(", ")}`,
    )
    .join("; ");
}

/** The indicators with baseline, target and the latest approved value; a table with a caption. */
export async function IndicatorTable({
  activity,
  reading,
  approvedBy = null,
}: {
  activity: ActivityDetail;
  reading: Reading;
  /** Who approved the update the latest values come from, and when. */
  approvedBy?: { name: string | null; at: Date | null } | null;
}) {
  const [t, tReport, format] = await Promise.all([
    getTranslations("activityPage.indicators"),
    getTranslations("progress.activity"),
    getFormatter(),
  ]);
  const yesNo = { yes: t("yes"), no: t("no") };
  const latest = activity.latestApproved;
  return (
    <section aria-labelledby="indicators-title" className="flex flex-col gap-2">
      <h2 id="indicators-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {activity.indicators.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {latest
              ? t("latestFrom", {
                  period: textOf(latest.periodLabel, reading),
                  date: formatDay(format, latest.periodEnd, "", "long"),
                })
              : t("noApproved")}
            {latest && approvedBy?.at && (
              <>
                {" "}
                {approvedBy.name
                  ? tReport("approvedBy", {
                      date: format.dateTime(approvedBy.at, { year: "numeric", month: "long", day: "numeric" }),
                      name: approvedBy.name,
                    })
                  : tReport("approvedOn", {
                      date: format.dateTime(approvedBy.at, { year: "numeric", month: "long", day: "numeric" }),
                    })}
              </>
            )}
          </p>
          <TableScroll
            label={t("caption", { code: activity.code })}
            className="rounded-lg border border-slate-200 bg-white shadow-sm"
          >
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("caption", { code: activity.code })}</caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("name")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("unit")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("baseline")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("target")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("direction")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("valueKind")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("disaggregation")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("latest")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {activity.indicators.map((i) => (
                  <tr key={i.id} className="border-t border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Text value={i.name} reading={reading} />
                      {hasText(i.baselineSource) && (
                        <span className="block text-xs font-normal text-slate-600">
                          {t("source", { source: textOf(i.baselineSource, reading) })}
                        </span>
                      )}
                    </th>
                    <td className="px-3 py-2">
                      {t(`units.${i.unit}`)}
                      {hasText(i.unitLabel) && (
                        <span className="block text-xs text-slate-600">
                          <Text value={i.unitLabel} reading={reading} />
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {formatValue(i, i.baseline, format, yesNo, "—")}
                      {i.baselineYear && (
                        <span className="block text-xs text-slate-600">
                          {t("year", { year: String(i.baselineYear) })}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {formatValue(i, i.target, format, yesNo, "—")}
                      {i.targetYear && (
                        <span className="block text-xs text-slate-600">
                          {t("year", { year: String(i.targetYear) })}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">{t(`directions.${i.direction}`)}</td>
                    <td className="px-3 py-2">{t(`valueKinds.${i.valueKind}`)}</td>
                    <td className="px-3 py-2">
                      {i.disaggregation.length === 0
                        ? t("notDisaggregated")
                        : i.disaggregation.map((d) => `${d.dimension}: ${d.categories.join(", ")}`).join("; ")}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {i.latest ? (
                        formatValue(i, i.latest.value, format, yesNo, t("notReported"))
                      ) : (
                        <span className="text-slate-600">{latest ? t("notReported") : "—"}</span>
                      )}
                      {i.latest?.breakdown && (
                        <span className="block text-xs text-slate-600">
                          {breakdownText(i.latest.breakdown, format)}
                        </span>
                      )}
                      {/* A per-period figure is not the total achieved: say so beside it. */}
                      {i.latest && i.latest.value !== null && i.valueKind === "PER_PERIOD" && (
                        <span className="block text-xs text-slate-600">{t("latestPeriodOnly")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
