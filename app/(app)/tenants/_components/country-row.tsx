import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatDay, formatPercent } from "@/components/browse/format";
import { Text, type Reading } from "@/components/ui/text";
import { textOf } from "@/lib/domain/texts";
import type { CountryOverview, PillarKey } from "@/lib/domain/types/dashboard";
import { Change } from "./change";

export const NUM = "px-3 py-2 text-right align-top tabular-nums";
// The country stays in view while the figures scroll sideways on a phone.
export const STICKY = "sticky left-0 z-10";

/** No figure: a dash for the eye, the reason in words for screen readers. */
function Missing({ why }: { why: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{why}</span>
    </>
  );
}

/** Reported of due; then the on-time rate and its change, or the due day while reports are still due. */
async function Reporting({ row, previous, today }: { row: CountryOverview; previous: string | null; today: string }) {
  const [t, format] = await Promise.all([getTranslations("tenants.overview"), getFormatter()]);
  const compliance = row.headline?.compliance;
  const asOf = row.view.asOf;
  if (!compliance || !asOf) return <Missing why={t("noFigure")} />;
  if (compliance.due === 0) return <span className="text-slate-600">{t("nothingDue")}</span>;
  const counts = { reported: compliance.reported, due: compliance.due };
  return (
    <>
      <span aria-hidden="true">{t("reportedOfDue", counts)}</span>
      <span className="sr-only">{t("reportedOfDueLabel", counts)}</span>
      {asOf.dueDate >= today ? (
        // Still open for reports: an on-time rate (and its fall from the last period's) would mislead.
        <span className="block text-slate-700">{t("dueOn", { date: formatDay(format, asOf.dueDate) })}</span>
      ) : (
        <>
          {compliance.onTimeRate !== null && (
            <span className="block">{t("onTime", { rate: formatPercent(format, compliance.onTimeRate) })}</span>
          )}
          <Change
            now={compliance.onTimeRate}
            before={row.headline?.previousCompliance?.onTimeRate}
            period={previous}
            unit="points"
            better="up"
          />
        </>
      )}
    </>
  );
}

/** One country's line of the overview; `today` (ISO) decides whether its period's reports are still due. */
export async function CountryRow({
  row,
  reading,
  pillarKeys,
  today,
}: {
  row: CountryOverview;
  reading: Reading;
  pillarKeys: PillarKey[];
  today: string;
}) {
  const [t, format] = await Promise.all([getTranslations("tenants.overview"), getFormatter()]);
  const { view, headline } = row;
  const now = headline?.current;
  const before = headline?.previous;
  const previous = view.previous ? textOf(view.previous.label, reading) : null;
  const none = <Missing why={t("noFigure")} />;
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? none : formatPercent(format, value);
  const count = (value: number | undefined) => (value === undefined ? none : format.number(value));
  return (
    <tr className="border-t border-slate-200">
      <th scope="row" className={`${STICKY} bg-white px-3 py-2 text-left align-top font-medium`}>
        <Link href={`/${row.tenant.slug}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
          <Text value={row.tenant.name} reading={reading} />
        </Link>
      </th>
      <td className="min-w-48 px-3 py-2 align-top">
        {view.plan ? <Text value={view.plan.title} reading={reading} /> : t("noPlan")}
      </td>
      <td className="px-3 py-2 align-top whitespace-nowrap">
        {view.asOf ? <Text value={view.asOf.label} reading={reading} /> : view.plan ? t("noPeriod") : none}
      </td>
      <td className={NUM}>{count(now?.activities)}</td>
      <td className={NUM}>
        {percent(now?.completedShare)}
        <Change now={now?.completedShare} before={before?.completedShare} period={previous} unit="points" better="up" />
      </td>
      <td className={NUM}>
        {percent(now?.averagePercent)}
        <Change now={now?.averagePercent} before={before?.averagePercent} period={previous} unit="points" better="up" />
      </td>
      <td className={NUM}>
        {count(now?.overdue)}
        <Change now={now?.overdue} before={before?.overdue} period={previous} unit="count" better="down" />
      </td>
      <td className={NUM}>
        {count(now?.atRisk)}
        <Change now={now?.atRisk} before={before?.atRisk} period={previous} unit="count" better="down" />
      </td>
      <td className={`${NUM} whitespace-nowrap`}>
        <Reporting row={row} previous={previous} today={today} />
      </td>
      {pillarKeys.map((key, i) => {
        const p = row.pillars.find((r) => r.key === key);
        return (
          <td key={key} className={`${NUM} ${i === 0 ? "border-l border-slate-200" : ""}`}>
            {!p ? none : p.activities === 0 ? <Missing why={t("noActivities")} /> : percent(p.averagePercent)}
          </td>
        );
      })}
    </tr>
  );
}
