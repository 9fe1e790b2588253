import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dashboardAgencies } from "@/lib/data/dashboard";
import type { AgencySort } from "@/lib/domain/types/dashboard";
import { formatDay, formatPercent } from "@/components/browse/format";
import { TableScroll } from "@/components/ui/table-scroll";
import { Text } from "@/components/ui/text";
import { dashboardHref } from "@/components/dashboard/href";
import type { LinkedPartProps } from "./part-props";
import { DashboardSection } from "@/components/dashboard/section";

const COLUMNS: AgencySort[] = ["led", "partnered", "completed", "delayed", "overdue", "lastReport", "onTimeRate"];

/** Per agency: led and partnered, completed, delayed, overdue, last report, on-time rate; sortable. */
export async function AgenciesSection({ ctx, view, state, slug, locale, reading }: LinkedPartProps) {
  const sort = { by: state.sort, desc: state.dir === "desc" };
  const [rows, t, format] = await Promise.all([
    dashboardAgencies(ctx, view, sort, { locale }),
    getTranslations("dashboard.agencies"),
    getFormatter(),
  ]);
  const caption = t("caption");
  const header = (key: AgencySort, right = true) => {
    const active = state.sort === key;
    // A new column sorts the way one reads it first: names A-Z, figures and days highest first.
    const next = active ? (state.dir === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc";
    return (
      <th
        key={key}
        scope="col"
        aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
        className={`px-2 py-2 font-medium ${right ? "text-right" : "text-left"}`}
      >
        <Link
          href={`${dashboardHref(slug, state, { sort: key, dir: next })}#agencies-title`}
          className="text-brand-700 underline underline-offset-2"
        >
          {t(`columns.${key}`)}
          {active && <span aria-hidden="true">{state.dir === "asc" ? " ↑" : " ↓"}</span>}
          <span className="sr-only">{t(next === "asc" ? "sortAsc" : "sortDesc")}</span>
        </Link>
      </th>
    );
  };
  return (
    <DashboardSection id="agencies" title={t("title")} description={t("method")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <TableScroll label={caption} className="rounded-md border border-slate-200">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-50">
              <tr>
                {header("name", false)}
                {COLUMNS.map((c) => header(c))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.agency.id} className="border-t border-slate-200">
                  <th scope="row" className="px-2 py-2 text-left font-normal">
                    <Link
                      href={`/${slug}/agencies/${r.agency.id}`}
                      className="text-brand-700 underline underline-offset-2"
                    >
                      <Text value={r.agency.name} reading={reading} />
                    </Link>
                  </th>
                  <td className="px-2 py-2 text-right tabular-nums">{format.number(r.led)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{format.number(r.partnered)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{format.number(r.completed)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{format.number(r.delayed)}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{format.number(r.overdue)}</td>
                  <td className="px-2 py-2 text-right whitespace-nowrap">
                    {r.lastReport ? formatDay(format, r.lastReport.slice(0, 10)) : t("never")}
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums whitespace-nowrap">
                    {r.onTimeRate === null ? (
                      <span className="text-slate-700">{t("noneDue")}</span>
                    ) : (
                      t("rate", { rate: formatPercent(format, r.onTimeRate), due: r.dueReports })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </DashboardSection>
  );
}
