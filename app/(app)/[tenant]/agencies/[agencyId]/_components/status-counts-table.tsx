import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AgencyOverview } from "@/lib/domain/types/activity-browse";
import { ACTIVITY_STATUSES } from "@/lib/domain/enums";
import { Text, type Reading } from "@/components/ui/text";
import { TableScroll } from "@/components/ui/table-scroll";

/** Counts by status (as text column headers, not colour alone) per plan, with a total row. */
export async function StatusCountsTable({
  tenant,
  overview,
  agencyName,
  reading,
}: {
  tenant: string;
  overview: AgencyOverview;
  agencyName: string;
  reading: Reading;
}) {
  const [t, tAll, format] = await Promise.all([getTranslations("agencyPage"), getTranslations(), getFormatter()]);
  const cells = (c: { counts: AgencyOverview["totals"]["counts"]; overdue: number; total: number }) => (
    <>
      {ACTIVITY_STATUSES.map((s) => (
        <td key={s} className="px-3 py-2 text-right tabular-nums">
          {format.number(c.counts[s])}
        </td>
      ))}
      <td className="px-3 py-2 text-right tabular-nums">{format.number(c.overdue)}</td>
      <td className="px-3 py-2 text-right font-medium tabular-nums">{format.number(c.total)}</td>
    </>
  );
  return (
    <TableScroll
      label={t("countsCaption", { agency: agencyName })}
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{t("countsCaption", { agency: agencyName })}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("plan")}
            </th>
            {ACTIVITY_STATUSES.map((s) => (
              <th key={s} scope="col" className="px-3 py-2 text-right font-medium">
                {tAll(`activityStatus.${s}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("overdue")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {overview.plans.map((p) => (
            <tr key={p.plan.id} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/${tenant}/plans/${p.plan.id}`} className="text-brand-700 hover:underline">
                  <Text value={p.plan.title} reading={reading} />
                </Link>
              </th>
              {cells(p)}
            </tr>
          ))}
        </tbody>
        {overview.plans.length > 1 && (
          <tfoot className="border-t-2 border-slate-300">
            <tr>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {t("allPlans")}
              </th>
              {cells(overview.totals)}
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
