import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { getActivityDetail } from "@/lib/data/activity-queries";
import { listHistory } from "@/lib/data/history";
import { reportablePeriods } from "@/lib/data/reporting/updates";
import { NotFoundError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/roles";
import { ActivityStatusBadge, OverdueBadge } from "@/components/ui/status-badge";
import { ActivityFacts } from "./_components/activity-facts";
import { HistoryList } from "./_components/history-list";
import { IndicatorTable } from "./_components/indicator-table";
import { ReportingSection, approvedSource, mayReport } from "./_components/reporting-section";
import { textOf } from "@/lib/domain/texts";
import { Text, readingOf } from "@/components/ui/text";

type Params = Promise<{ tenant: string; activityId: string }>;

// Cached per request: the metadata and the page share one load.
const load = cache(async (tenant: string, activityId: string) => {
  const ctx = await requireTenant(tenant);
  const locale = await getLocale();
  try {
    const [activity, history, periods] = await Promise.all([
      getActivityDetail(ctx, activityId, { locale }),
      can(ctx.role, "audit.view") ? listHistory(ctx, activityId, { locale }) : null,
      reportablePeriods(ctx, activityId),
    ]);
    return { ctx, tenant, activity, history, periods, reading: readingOf(ctx.tenant, locale) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, activityId } = await params;
  const { activity, reading } = await load(tenant, activityId);
  return { title: `${activity.code} ${textOf(activity.title, reading)}` };
}

export default async function ActivityPage({ params }: { params: Params }) {
  const { tenant: slug, activityId } = await params;
  const { ctx, tenant, activity, history, periods, reading } = await load(slug, activityId);
  const source = approvedSource(periods);
  const t = await getTranslations();
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href={`/${tenant}/activities`} className="text-brand-700 hover:underline">
            {t("activityPage.allActivities")}
          </Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">
            <span className="mr-2 font-mono text-slate-700">{activity.code}</span>
            <Text value={activity.title} reading={reading} />
          </h1>
          {can(ctx.role, "plans.manage") && (
            <Link
              href={`/${tenant}/activities/${activity.id}/edit`}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-slate-100"
            >
              {t("activityPage.edit")}
            </Link>
          )}
        </div>
        <p className="flex flex-wrap items-center gap-2">
          <ActivityStatusBadge status={activity.status} />
          {activity.overdue && <OverdueBadge />}
        </p>
        {activity.overdue && <p className="text-sm text-red-900">{t("activityPage.overdue")}</p>}
        {activity.archived && (
          <p role="note" className="rounded-md border border-slate-400 bg-slate-100 px-3 py-2 text-sm text-slate-800">
            {t("activityPage.archived")}
          </p>
        )}
      </header>
      <ReportingSection
        tenant={tenant}
        activityId={activity.id}
        periods={periods}
        canReport={mayReport(ctx, activity) && !activity.archived}
        seesWork={ctx.role !== "VIEWER"}
        reading={reading}
      />
      <ActivityFacts tenant={tenant} activity={activity} reading={reading} />
      <IndicatorTable
        activity={activity}
        reading={reading}
        approvedBy={source?.update ? { name: source.update.reviewer, at: source.update.reviewedAt } : null}
      />
      {history ? (
        <HistoryList history={history} />
      ) : (
        <p className="text-sm text-slate-700">{t("history.notAllowed")}</p>
      )}
    </article>
  );
}
