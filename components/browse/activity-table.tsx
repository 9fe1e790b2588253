import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AgencyPart } from "@/lib/domain/enums";
import type { ActivityRow } from "@/lib/domain/types/activity-browse";
import type { SortDirection, SortKey } from "@/lib/validation/activity-filters";
import { ActivityStatusBadge, OverdueBadge } from "@/components/ui/status-badge";
import { Text, type Reading } from "@/components/ui/text";
import { AgencyLink } from "./agency-link";
import { formatDay, formatPercent } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

/** What a row shows; the agency's part only where the table shows it (showRole). */
export type ActivityTableRow = Pick<
  ActivityRow,
  "id" | "code" | "title" | "status" | "percentComplete" | "plannedEnd" | "overdue" | "leadAgency"
> & { role?: AgencyPart };

/** Column headers that sort: the current key and direction, and the link each header goes to. */
export interface SortLinks {
  by: SortKey;
  dir: SortDirection;
  href: (by: SortKey, dir: SortDirection) => string;
}

/** A last column of controls per row (the plan page's order buttons), under a header read only by screen readers. */
export interface RowActions<R> {
  label: string;
  render: (row: R, index: number) => ReactNode;
}

interface Props<R extends ActivityTableRow> {
  tenant: string;
  rows: R[];
  /** Names the table for screen readers. */
  caption: string;
  /** The reader's language and the tenant's, for titles and names. */
  reading: Reading;
  sort?: SortLinks;
  /** Show whether the agency of the page leads or partners in each activity. */
  showRole?: boolean;
  actions?: RowActions<R>;
  /** "card" stands alone in a bordered box; "plain" sits inside a block that already has one. */
  variant?: "card" | "plain";
}

const STYLES = {
  card: {
    cell: "px-3 py-2",
    head: "bg-slate-100 text-left",
    row: "border-t border-slate-200 align-top",
  },
  plain: {
    cell: "py-1 pr-2",
    head: "text-left text-slate-700",
    row: "border-t border-slate-100 align-top",
  },
} as const;

/**
 * Activities as a table: code, title, lead agency, (part,) status with overdue mark, percent,
 * planned end (, row actions). The first cell of every body row is the code.
 */
export async function ActivityTable<R extends ActivityTableRow>({
  tenant,
  rows,
  caption,
  reading,
  sort,
  showRole = false,
  actions,
  variant = "card",
}: Props<R>) {
  const [t, format] = await Promise.all([getTranslations("browse"), getFormatter()]);
  const style = STYLES[variant];
  const header = (key: SortKey | null, label: string, className = "") => {
    const active = sort && key === sort.by;
    const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined;
    return (
      <th scope="col" aria-sort={ariaSort} className={`${style.cell} font-medium ${className}`}>
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
  const table = (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className={style.head}>
        <tr>
          {header("code", t("columns.code"), "w-20")}
          {header("title", t("columns.title"))}
          {header(null, t("columns.lead"))}
          {showRole && header(null, t("columns.role"))}
          {header("status", t("columns.status"))}
          {header("percent", t("columns.percent"), "text-right")}
          {header("plannedEnd", t("columns.plannedEnd"))}
          {actions && (
            <th scope="col" className={style.cell}>
              <span className="sr-only">{actions.label}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((a, i) => (
          <tr key={a.id} className={style.row}>
            <td className={`${style.cell} font-mono whitespace-nowrap`}>{a.code}</td>
            <td className={style.cell}>
              <Link href={`/${tenant}/activities/${a.id}`} className="font-medium text-brand-700 hover:underline">
                <Text value={a.title} reading={reading} />
              </Link>
            </td>
            <td className={style.cell}>
              {a.leadAgency ? (
                <AgencyLink tenant={tenant} agency={a.leadAgency} reading={reading} />
              ) : (
                <span className="text-slate-600">{t("noLead")}</span>
              )}
            </td>
            {showRole && <td className={style.cell}>{a.role ? t(`role.${a.role}`) : ""}</td>}
            <td className={style.cell}>
              <span className="flex flex-wrap gap-1">
                <ActivityStatusBadge status={a.status} />
                {a.overdue && <OverdueBadge />}
              </span>
            </td>
            <td className={`${style.cell} text-right tabular-nums`}>{formatPercent(format, a.percentComplete)}</td>
            <td className={`${style.cell} whitespace-nowrap`}>{formatDay(format, a.plannedEnd)}</td>
            {actions && <td className={`${style.cell} text-right`}>{actions.render(a, i)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return variant === "card" ? (
    <TableScroll label={caption} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {table}
    </TableScroll>
  ) : (
    <TableScroll label={caption}>{table}</TableScroll>
  );
}
