import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dashboardRollup } from "@/lib/data/dashboard";
import { ACTIVITY_STATUSES } from "@/lib/domain/enums";
import { textOf } from "@/lib/domain/texts";
import type { PillarKey, RollupRow } from "@/lib/domain/types/dashboard";
import { formatDay, formatPercent } from "@/components/browse/format";
import { ActivityStatusBadge, OverdueBadge } from "@/components/ui/status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { Text } from "@/components/ui/text";
import { StatusBars } from "@/components/dashboard/charts/lazy";
import { dashboardHref } from "@/components/dashboard/href";
import type { LinkedPartProps } from "./part-props";
import { DashboardSection } from "@/components/dashboard/section";
import { STATUS_FILLS } from "@/components/dashboard/status-colours";

const num = "px-2 py-2 text-right tabular-nums";
const head = "px-2 py-2 text-right font-medium";

/**
 * Plan > pillar > objective > activity: the pillars' figures (status distribution and progress),
 * a click opens a pillar's objectives the same way, then an objective's activities.
 */
export async function RollupSection({ ctx, view, state, slug, locale, reading }: LinkedPartProps) {
  const [rollup, t, tPillar, tStatus, format] = await Promise.all([
    dashboardRollup(ctx, view, { locale }),
    getTranslations("dashboard.rollup"),
    getTranslations("pillars"),
    getTranslations("activityStatus"),
    getFormatter(),
  ]);
  if (!rollup) return null;
  const pillarName = (p: PillarKey) => (p === "NONE" ? t("noPillar") : tPillar(p));
  const pct = (n: number | null) => (n === null ? "—" : formatPercent(format, n));
  const up = dashboardHref(slug, state, { pillar: null, objective: null, ip: 1 });
  const crumbs = (
    <nav aria-label={t("path")} className="mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          {rollup.level === "pillars" ? (
            <span aria-current="page">{t("allPillars")}</span>
          ) : (
            <Link href={up} className="text-brand-700 underline underline-offset-2">
              {t("allPillars")}
            </Link>
          )}
        </li>
        {rollup.level !== "pillars" && (
          <li className="before:mr-1 before:content-['›']">
            {rollup.level === "objectives" ? (
              <span aria-current="page">{pillarName(rollup.pillar)}</span>
            ) : (
              <Link
                href={dashboardHref(slug, state, { pillar: rollup.pillar, objective: null, ip: 1 })}
                className="text-brand-700 underline underline-offset-2"
              >
                {pillarName(rollup.pillar)}
              </Link>
            )}
          </li>
        )}
        {rollup.level === "activities" && (
          <li className="before:mr-1 before:content-['›']" aria-current="page">
            {rollup.objective.code} <Text value={rollup.objective.title} reading={reading} />
          </li>
        )}
      </ol>
    </nav>
  );

  if (rollup.level === "activities") {
    const caption = t("activitiesCaption", {
      objective: `${rollup.objective.code} ${textOf(rollup.objective.title, reading)}`,
    });
    return (
      <DashboardSection id="rollup" title={t("title")}>
        {crumbs}
        {rollup.rows.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noActivities")}</p>
        ) : (
          <TableScroll label={caption} className="rounded-md border border-slate-200">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("code")}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("activity")}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("lead")}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("status")}
                  </th>
                  <th scope="col" className={head}>
                    {t("percent")}
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {t("plannedEnd")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rollup.rows.map((a) => (
                  <tr key={a.id} className="border-t border-slate-200 align-top">
                    <td className="px-2 py-2 whitespace-nowrap tabular-nums">{a.code}</td>
                    <td className="px-2 py-2">
                      <Link
                        href={`/${slug}/activities/${a.id}`}
                        className="text-brand-700 underline underline-offset-2"
                      >
                        <Text value={a.title} reading={reading} />
                      </Link>
                      {a.pending && <span className="ml-2 text-xs text-amber-900">{t("pending")}</span>}
                    </td>
                    <td className="px-2 py-2">
                      {a.leadAgency ? <Text value={a.leadAgency.name} reading={reading} /> : "—"}
                    </td>
                    <td className="px-2 py-2">
                      <span className="flex flex-wrap gap-1">
                        <ActivityStatusBadge status={a.status} />
                        {a.overdue && <OverdueBadge />}
                        {a.atRisk && (
                          <span className="inline-block rounded border border-amber-700 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">
                            {t("atRisk")}
                          </span>
                        )}
                      </span>
                    </td>
                    <td className={num}>{pct(a.percentComplete)}</td>
                    <td className="px-2 py-2 whitespace-nowrap">{formatDay(format, a.plannedEnd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </DashboardSection>
    );
  }

  const nameOf = (r: RollupRow) =>
    rollup.level === "pillars" ? pillarName(r.key as PillarKey) : `${r.code} ${textOf(r.title, reading)}`;
  const hrefOf = (r: RollupRow) =>
    rollup.level === "pillars"
      ? dashboardHref(slug, state, { pillar: r.key as PillarKey, objective: null, ip: 1 })
      : dashboardHref(slug, state, { pillar: rollup.pillar, objective: r.key, ip: 1 });
  const caption =
    rollup.level === "pillars" ? t("pillarsCaption") : t("objectivesCaption", { pillar: pillarName(rollup.pillar) });
  const summary = rollup.rows
    .filter((r) => r.activities > 0)
    .map((r) =>
      t("rowSummary", {
        name: nameOf(r),
        average: pct(r.averagePercent),
        completed: r.completed,
        total: r.activities,
      }),
    )
    .join(" ");
  const chartRows = rollup.rows.map((r) => ({
    label: rollup.level === "pillars" ? pillarName(r.key as PillarKey) : (r.code ?? ""),
    ...Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, r.statuses[s]])),
  }));
  return (
    <DashboardSection id="rollup" title={t("title")} description={t("howTo")}>
      {crumbs}
      {rollup.rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noActivities")}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <StatusBars
            rows={chartRows}
            series={ACTIVITY_STATUSES.map((s) => ({ key: s, label: tStatus(s), colour: STATUS_FILLS[s] }))}
            title={caption}
            summary={summary || t("nothingCounted")}
          />
          <TableScroll label={caption} className="rounded-md border border-slate-200">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">
                    {rollup.level === "pillars" ? t("pillar") : t("objective")}
                  </th>
                  <th scope="col" className={head}>
                    {t("activities")}
                  </th>
                  {ACTIVITY_STATUSES.map((s) => (
                    <th key={s} scope="col" className={head}>
                      {tStatus(s)}
                    </th>
                  ))}
                  <th scope="col" className={head}>
                    {t("average")}
                  </th>
                  <th scope="col" className={head}>
                    {t("overdue")}
                  </th>
                  <th scope="col" className={head}>
                    {t("atRisk")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rollup.rows.map((r) => (
                  <tr key={r.key} className="border-t border-slate-200">
                    <th scope="row" className="px-2 py-2 text-left font-normal">
                      {r.activities > 0 ? (
                        <Link href={hrefOf(r)} className="text-brand-700 underline underline-offset-2">
                          {nameOf(r)}
                        </Link>
                      ) : (
                        nameOf(r)
                      )}
                    </th>
                    <td className={num}>{format.number(r.activities)}</td>
                    {ACTIVITY_STATUSES.map((s) => (
                      <td key={s} className={num}>
                        {format.number(r.statuses[s])}
                      </td>
                    ))}
                    <td className={num}>{pct(r.averagePercent)}</td>
                    <td className={num}>{format.number(r.overdue)}</td>
                    <td className={num}>{format.number(r.atRisk)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </DashboardSection>
  );
}
