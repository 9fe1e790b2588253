import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dashboardIndicators } from "@/lib/data/dashboard";
import { textOf } from "@/lib/domain/texts";
import { INDICATOR_PAGE, type IndicatorFigures, type IndicatorMark } from "@/lib/domain/types/dashboard";
import type { Formatter } from "@/components/browse/format";
import { Pagination } from "@/components/ui/pagination";
import { TableScroll } from "@/components/ui/table-scroll";
import { Text } from "@/components/ui/text";
import { dashboardHref } from "@/components/dashboard/href";
import type { LinkedPartProps } from "./part-props";
import { DashboardSection } from "@/components/dashboard/section";

const MARK_STYLES: Record<IndicatorMark, string> = {
  ON_TRACK: "border-green-700 bg-green-50 text-green-900",
  AT_RISK: "border-amber-700 bg-amber-50 text-amber-900",
  OFF_TRACK: "border-red-700 bg-red-50 text-red-900",
  NOT_REPORTED: "border-slate-400 bg-slate-50 text-slate-800",
  NO_TARGET: "border-slate-300 bg-white text-slate-700",
};
/** The table's order (most worrying first), for the counts too. */
const ORDER: IndicatorMark[] = ["OFF_TRACK", "AT_RISK", "NOT_REPORTED", "ON_TRACK", "NO_TARGET"];

function value(format: Formatter, i: IndicatorFigures, n: number | null, yes: string, no: string): string {
  if (n === null) return "—";
  if (i.unit === "YES_NO") return n >= 1 ? yes : no;
  if (i.unit === "PERCENT") return format.number(n / 100, { style: "percent", maximumFractionDigits: 1 });
  return format.number(n, { maximumFractionDigits: 2 });
}

/** What the actual's period means: the latest value's, or the last of those added up or pooled. */
const periodNote = (i: IndicatorFigures) =>
  i.valueKind !== "PER_PERIOD" || (i.unit === "NUMBER" && i.direction === "DECREASE")
    ? "latestOf"
    : i.unit === "NUMBER"
      ? "sumTo"
      : "rateTo";

/** Latest actual against baseline and target, progress in the indicator's direction, and its mark with the reason. */
export async function IndicatorsSection({ ctx, view, state, slug, locale, reading }: LinkedPartProps) {
  const [summary, t, format] = await Promise.all([
    dashboardIndicators(ctx, view, state.ip, { locale }),
    getTranslations("dashboard.indicators"),
    getFormatter(),
  ]);
  const caption = t("caption");
  const pages = Math.max(1, Math.ceil(summary.total / INDICATOR_PAGE));
  const counts = ORDER.filter((m) => summary.marks[m] > 0)
    .map((m) => t("markCount", { mark: t(`marks.${m}`), n: summary.marks[m] }))
    .join(", ");
  return (
    <DashboardSection
      id="indicators"
      title={t("title")}
      description={summary.total > 0 ? t("summary", { total: summary.total, counts }) : undefined}
    >
      {summary.total === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <div className="flex flex-col gap-3">
          <TableScroll label={caption} className="rounded-md border border-slate-200">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("indicator")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("baseline")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("target")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("actual")}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("progress")}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("mark")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.rows.map((i) => {
                  const fmt = (n: number | null) => value(format, i, n, t("yes"), t("no"));
                  const bar = Math.max(0, Math.min(100, i.progress ?? 0));
                  return (
                    <tr key={i.id} className="border-t border-slate-200 align-top">
                      <th scope="row" className="px-2 py-2 text-left font-normal">
                        <Text value={i.name} reading={reading} />
                        <span className="block text-xs text-slate-700">
                          {i.of.kind === "activity" ? (
                            <Link
                              href={`/${slug}/activities/${i.of.id}`}
                              className="text-brand-700 underline underline-offset-2"
                            >
                              {t("ofActivity", { code: i.of.code })}
                            </Link>
                          ) : (
                            t("ofObjective", { code: i.of.code })
                          )}
                          {" · "}
                          {t(i.direction === "DECREASE" ? "meantToFall" : "meantToRise")}
                          {" · "}
                          {t(i.valueKind === "PER_PERIOD" ? "perPeriod" : "cumulative")}
                        </span>
                      </th>
                      <td className="px-2 py-2 text-right tabular-nums">{fmt(i.baseline)}</td>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {fmt(i.target)}
                        {i.targetYear && <span className="block text-xs text-slate-700">{i.targetYear}</span>}
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {fmt(i.actual)}
                        {i.actualPeriod && (
                          <span className="block text-xs text-slate-700">
                            {t(periodNote(i), { period: textOf(i.actualPeriod, reading) })}
                          </span>
                        )}
                        {i.pending && <span className="block text-xs text-amber-900">{t("pending")}</span>}
                      </td>
                      <td className="min-w-32 px-2 py-2">
                        {i.progress === null ? (
                          "—"
                        ) : (
                          <span className="flex items-center gap-2">
                            <span aria-hidden="true" className="h-2 w-16 overflow-hidden rounded bg-slate-200">
                              <span className="block h-full bg-brand-700" style={{ width: `${bar}%` }} />
                            </span>
                            <span className="tabular-nums">
                              {format.number(i.progress / 100, { style: "percent" })}
                            </span>
                          </span>
                        )}
                      </td>
                      <td className="px-2 py-2">
                        <span
                          className={`inline-block rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${MARK_STYLES[i.mark]}`}
                        >
                          {t(`marks.${i.mark}`)}
                        </span>
                        <span className="mt-1 block text-xs text-slate-700">
                          {t(`reasons.${i.reason.key}`, {
                            progress: format.number((i.reason.progress ?? 0) / 100, { style: "percent" }),
                            expected: format.number((i.reason.expected ?? 0) / 100, { style: "percent" }),
                          })}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            page={Math.min(state.ip, pages)}
            pageCount={pages}
            href={(p) => `${dashboardHref(slug, state, { ip: p })}#indicators-title`}
            label={t("pages")}
          />
        </div>
      )}
    </DashboardSection>
  );
}
