import { getFormatter, getTranslations } from "next-intl/server";
import { dashboardHeadline } from "@/lib/data/dashboard";
import { ACTIVITY_STATUSES } from "@/lib/domain/enums";
import { formatDay, formatPercent } from "@/components/browse/format";
import { Change } from "@/components/dashboard/change";
import type { PartProps } from "./part-props";
import { DashboardSection } from "@/components/dashboard/section";

function Tile({
  label,
  value,
  detail,
  change,
}: {
  label: string;
  value: string;
  detail?: string;
  change?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-0.5 rounded-md border border-slate-200 p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="text-xs text-slate-700">{detail}</dd>}
      {change && <dd>{change}</dd>}
    </div>
  );
}

/** The headline: activities by status, completed, average percent, overdue, at risk, reporting. */
export async function Headline({
  ctx,
  view,
  locale,
  labels,
}: PartProps & {
  /** The as-of and previous periods' labels in the reader's language. */
  labels: { asOf: string; previous: string | null };
}) {
  const [figures, t, tStatus, format] = await Promise.all([
    dashboardHeadline(ctx, view, { locale }),
    getTranslations("dashboard.headline"),
    getTranslations("activityStatus"),
    getFormatter(),
  ]);
  if (!figures) return null;
  const { current: c, previous: p, compliance, previousCompliance } = figures;
  const stillDue = view.asOf !== null && view.asOf.dueDate >= view.today;
  const pct = (n: number | null) => (n === null ? "—" : formatPercent(format, n));
  const statuses = format.list(
    ACTIVITY_STATUSES.filter((s) => c.statuses[s] > 0).map((s) =>
      t("statusCount", { status: tStatus(s), n: c.statuses[s] }),
    ),
    { type: "unit" },
  );
  return (
    <DashboardSection id="headline" title={t("title", { period: labels.asOf })}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Tile label={t("activities")} value={format.number(c.activities)} detail={statuses || undefined} />
        <Tile
          label={t("completed")}
          value={pct(c.completedShare)}
          detail={t("completedOf", { n: c.completed, total: c.activities - c.statuses.CANCELLED })}
          change={
            <Change now={c.completedShare} before={p?.completedShare} period={labels.previous} good="up" points />
          }
        />
        <Tile
          label={t("averagePercent")}
          value={pct(c.averagePercent)}
          change={
            <Change now={c.averagePercent} before={p?.averagePercent} period={labels.previous} good="up" points />
          }
        />
        <Tile
          label={t("overdue")}
          value={format.number(c.overdue)}
          change={<Change now={c.overdue} before={p?.overdue} period={labels.previous} good="down" />}
        />
        <Tile
          label={t("atRisk")}
          value={format.number(c.atRisk)}
          change={<Change now={c.atRisk} before={p?.atRisk} period={labels.previous} good="down" />}
        />
        <Tile
          label={t("reporting")}
          value={pct(compliance?.reportedRate ?? null)}
          detail={t(stillDue ? "reportingOpen" : "reportingDetail", {
            reported: compliance?.reported ?? 0,
            due: compliance?.due ?? 0,
            dueDate: formatDay(format, view.asOf!.dueDate),
            onTime: compliance?.onTimeRate === null || !compliance ? "—" : pct(compliance.onTimeRate),
          })}
          change={
            // While reports are still due, a fall since the last period is only the calendar.
            stillDue ? undefined : (
              <Change
                now={compliance?.reportedRate ?? null}
                before={previousCompliance?.reportedRate}
                period={labels.previous}
                good="up"
                points
              />
            )
          }
        />
      </dl>
      {view.submitted && c.pending > 0 && (
        <p className="mt-3 text-sm text-amber-900">{t("pending", { n: c.pending })}</p>
      )}
    </DashboardSection>
  );
}
