import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { parseIsoDay } from "@/lib/domain/day";
import { UPDATE_STATUSES } from "@/lib/domain/enums";
import { textOf } from "@/lib/domain/texts";
import type { PeriodListItem } from "@/lib/domain/types/periods";
import { PeriodState } from "@/components/reporting/period-state";
import { TableScroll } from "@/components/ui/table-scroll";
import { Text, type Reading } from "@/components/ui/text";

/** The plan's periods: days, state with its reason, who closed or reopened it, updates by status. */
export async function PeriodsTable({
  periods,
  reading,
  manageBase,
  emptyText,
}: {
  periods: PeriodListItem[];
  reading: Reading;
  /** The page's path, for the "Manage" link of each period (coordinators); null for readers. */
  manageBase: string | null;
  emptyText: string;
}) {
  const [t, tp, format] = await Promise.all([getTranslations("periods"), getTranslations("progress"), getFormatter()]);
  const day = (iso: string) => format.dateTime(parseIsoDay(iso), { day: "numeric", month: "short", year: "numeric" });
  if (periods.length === 0) return <p className="text-slate-700">{emptyText}</p>;
  const caption = t("table.caption");
  return (
    <TableScroll label={caption} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("table.period")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("table.days")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("table.state")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("table.updates")}
            </th>
            {manageBase && (
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">{t("table.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => {
            const counts = UPDATE_STATUSES.filter((s) => p.counts[s] > 0);
            return (
              <tr key={p.id} className="border-t border-slate-200 align-top" data-period={p.id}>
                <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                  <Text value={p.label} reading={reading} />
                </th>
                <td className="px-3 py-2">
                  <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs whitespace-nowrap text-slate-700">
                    <dt>{t("table.span")}</dt>
                    <dd>
                      {format.dateTimeRange(parseIsoDay(p.startDate), parseIsoDay(p.endDate), {
                        day: "numeric",
                        month: "short",
                        year: "numeric",
                      })}
                    </dd>
                    <dt>{t("table.opens")}</dt>
                    <dd>{day(p.opensOn)}</dd>
                    <dt>{t("table.due")}</dt>
                    <dd>{day(p.dueDate)}</dd>
                    <dt>{t("table.locks")}</dt>
                    <dd>{day(p.locksOn)}</dd>
                  </dl>
                </td>
                <td className="min-w-48 px-3 py-2">
                  <PeriodState period={p} reading={reading} />
                  {p.closedBy && p.closedOn && (
                    <p className="mt-1 text-xs text-slate-700">
                      {t("table.closedBy", { name: p.closedBy, day: day(p.closedOn) })}
                    </p>
                  )}
                  {p.reopenedBy && p.reopenedUntil && (
                    <p className="mt-1 text-xs text-slate-700">
                      {t("table.reopenedBy", { name: p.reopenedBy, day: day(p.reopenedUntil) })}
                    </p>
                  )}
                </td>
                <td className="px-3 py-2">
                  {counts.length === 0 ? (
                    <span className="text-slate-700">{t("table.noUpdates")}</span>
                  ) : (
                    <ul className="text-xs whitespace-nowrap">
                      {counts.map((s) => (
                        <li key={s}>
                          {tp(`status.${s}`)}: <span className="tabular-nums">{p.counts[s]}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {manageBase && (
                  <td className="px-3 py-2">
                    <Link
                      href={`${manageBase}?period=${p.id}#manage-heading`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t("table.manage")}
                      <span className="sr-only"> {textOf(p.label, reading)}</span>
                    </Link>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
