import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ActivityRow } from "@/lib/domain/types/activity-browse";
import { localized } from "@/lib/domain/localized";
import type { SortKey } from "@/lib/validation/activity-filters";
import { ActivityStatusBadge, OverdueBadge } from "@/components/ui/status-badge";
import { AgencyLink } from "./agency-link";
import { formatDay, formatPercent } from "./format";

/** Column headers that sort: the current key and direction, and the link each header goes to. */
export interface SortLinks {
  by: SortKey;
  dir: "asc" | "desc";
  href: (by: SortKey, dir: "asc" | "desc") => string;
}

interface Props {
  tenant: string;
  rows: (ActivityRow & { role?: "lead" | "partner" })[];
  caption: string;
  sort?: SortLinks;
  /** Show whether the agency of the page leads or partners in each activity. */
  showRole?: boolean;
}

/** Activities as a table: code, title, lead agency, status with overdue mark, percent, planned end. */
export async function ActivityTable({ tenant, rows, caption, sort, showRole = false }: Props) {
  const [t, format, locale] = await Promise.all([getTranslations("browse"), getFormatter(), getLocale()]);
  const header = (key: SortKey | null, label: string, className = "") => {
    const active = sort && key === sort.by;
    const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined;
    return (
      <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 font-medium ${className}`}>
        {sort && key ? (
          <Link
            href={sort.href(key, active && sort.dir === "asc" ? "desc" : "asc")}
            className="text-brand-700 hover:underline"
            aria-label={t("sortAction", { column: label })}
          >
            {label}
            {active && <span aria-hidden="true">{sort.dir === "asc" ? " ▲" : " ▼"}</span>}
          </Link>
        ) : (
          label
        )}
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {header("code", t("columns.code"), "w-20")}
            {header("title", t("columns.title"))}
            {header(null, t("columns.lead"))}
            {showRole && header(null, t("columns.role"))}
            {header("status", t("columns.status"))}
            {header("percent", t("columns.percent"), "text-right")}
            {header("plannedEnd", t("columns.plannedEnd"))}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 font-mono whitespace-nowrap">{a.code}</td>
              <td className="px-3 py-2">
                <Link href={`/${tenant}/activities/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {localized(a.title, a.titles, locale)}
                </Link>
              </td>
              <td className="px-3 py-2">
                {a.leadAgency ? (
                  <AgencyLink tenant={tenant} agency={a.leadAgency} locale={locale} />
                ) : (
                  <span className="text-slate-600">{t("noLead")}</span>
                )}
              </td>
              {showRole && <td className="px-3 py-2">{a.role ? t(`role.${a.role}`) : ""}</td>}
              <td className="px-3 py-2">
                <span className="flex flex-wrap gap-1">
                  <ActivityStatusBadge status={a.status} />
                  {a.overdue && <OverdueBadge />}
                </span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPercent(format, a.percentComplete)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDay(format, a.plannedEnd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
