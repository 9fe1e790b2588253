import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { dashboardFilterOptions, dashboardView } from "@/lib/data/dashboard";
import { can } from "@/lib/domain/roles";
import { textOf } from "@/lib/domain/texts";
import { DashboardQuerySchema } from "@/lib/validation/dashboard";
import { AgenciesSection } from "./_components/agencies";
import { DashboardFilters } from "@/components/dashboard/filters";
import { Headline } from "./_components/headline";
import type { DashboardState } from "@/components/dashboard/href";
import { IndicatorsSection } from "./_components/indicators";
import { RollupSection } from "./_components/rollup";
import { SectionPending } from "@/components/dashboard/section";
import { TrendSection } from "./_components/trend";
import { WatchlistSection } from "./_components/watchlist";
import { Text, readingOf } from "@/components/ui/text";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ tenant: string }> }): Promise<Metadata> {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const t = await getTranslations("dashboard");
  return { title: `${t("title")} · ${textOf(ctx.tenant.name, readingOf(ctx.tenant, await getLocale()))}` };
}

/**
 * The tenant's landing page for every role: the plan's progress as of a period, per pillar,
 * objective and agency, its indicators, the trend and what needs attention. Each part counts in
 * the database in its own statement and streams in its own Suspense boundary.
 */
export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug);
  const query = DashboardQuerySchema.parse(await searchParams);
  const locale = await getLocale();
  const [view, options, t] = await Promise.all([
    dashboardView(
      ctx,
      {
        plan: query.plan,
        asOf: query.asOf,
        pillar: query.pillar,
        objective: query.objective,
        agency: query.agency,
        submitted: query.submitted,
      },
      { locale },
    ),
    dashboardFilterOptions(ctx),
    getTranslations("dashboard"),
  ]);
  const reading = readingOf(ctx.tenant, locale);

  if (!view.plan) {
    return (
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("noPlan")}</p>
        {can(ctx.role, "plans.manage") && (
          <p>
            <Link
              href={`/${slug}/plans/new`}
              className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t("newPlan")}
            </Link>
          </p>
        )}
      </section>
    );
  }

  // The state links keep: what the URL asked for, with ids that did not check out dropped.
  const state: DashboardState = {
    plan: query.plan === view.plan.id ? query.plan : null,
    asOf: query.asOf && query.asOf === view.asOf?.id ? query.asOf : null,
    pillar: view.pillar,
    objective: view.objectiveId,
    agency: view.agencyId,
    submitted: view.submitted,
    sort: query.sort,
    dir: query.dir,
    ip: query.ip,
  };
  const asOfLabel = view.asOf ? textOf(view.asOf.label, reading) : "";
  const previousLabel = view.previous ? textOf(view.previous.label, reading) : null;
  const section = { ctx, view, locale, reading };
  const key = JSON.stringify(state);

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">
          <Link
            href={`/${slug}/plans/${view.plan.id}`}
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            <Text value={view.plan.title} reading={reading} />
          </Link>
          {view.asOf && <> · {t("asOf", { period: asOfLabel })}</>}
        </p>
        <p className="text-sm text-slate-700">{view.submitted ? t("countsSubmitted") : t("countsApproved")}</p>
      </header>
      <DashboardFilters slug={slug} view={view} state={state} options={options} reading={reading} />
      {!view.asOf ? (
        <p className="text-slate-700">{t("noPeriods")}</p>
      ) : (
        <>
          <Suspense
            key={`h${key}`}
            fallback={<SectionPending id="headline" title={t("headline.fallbackTitle")} text={t("counting")} />}
          >
            <Headline {...section} labels={{ asOf: asOfLabel, previous: previousLabel }} />
          </Suspense>
          <Suspense
            key={`r${key}`}
            fallback={<SectionPending id="rollup" title={t("rollup.title")} text={t("counting")} />}
          >
            <RollupSection {...section} state={state} slug={slug} />
          </Suspense>
          <Suspense
            key={`t${key}`}
            fallback={<SectionPending id="trend" title={t("trend.title")} text={t("counting")} />}
          >
            <TrendSection {...section} />
          </Suspense>
          <Suspense
            key={`w${key}`}
            fallback={<SectionPending id="watch" title={t("watch.title")} text={t("counting")} />}
          >
            <WatchlistSection {...section} slug={slug} />
          </Suspense>
          <Suspense
            key={`a${key}`}
            fallback={<SectionPending id="agencies" title={t("agencies.title")} text={t("counting")} />}
          >
            <AgenciesSection {...section} state={state} slug={slug} />
          </Suspense>
          <Suspense
            key={`i${key}`}
            fallback={<SectionPending id="indicators" title={t("indicators.title")} text={t("counting")} />}
          >
            <IndicatorsSection {...section} state={state} slug={slug} />
          </Suspense>
        </>
      )}
    </div>
  );
}
