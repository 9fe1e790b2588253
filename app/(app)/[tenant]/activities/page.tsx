import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { readingOf } from "@/components/ui/text";
import { getActivityFilterOptions, listActivities, type FilterOptions } from "@/lib/data/activity-queries";
import {
  hasActiveFilters,
  parseActivityListParams,
  serializeActivityListState,
  type ActivityFilters,
  type ActivityListState,
  type StatePatch,
} from "@/lib/validation/activity-filters";
import { ActivityTable } from "@/components/browse/activity-table";
import { FilterForm } from "./_components/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { textOf } from "@/lib/domain/texts";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("browse");
  return { title: t("title") };
}

/**
 * Drops what does not belong to the plan shown (an objective of another plan, another tenant's
 * agency), so the form shows exactly the filters that apply. The plan stays in the URL only when
 * it was asked for: links without one follow the active plan.
 */
function applicable(f: ActivityFilters, options: FilterOptions): ActivityFilters {
  return {
    ...f,
    plan: options.plan && f.plan === options.plan.id ? f.plan : null,
    objective: options.objectives.some((o) => o.id === f.objective) ? f.objective : null,
    agency: options.agencies.some((a) => a.id === f.agency) ? f.agency : null,
  };
}

export default async function ActivitiesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const parsed = parseActivityListParams(await searchParams);
  const [options, t, format, locale] = await Promise.all([
    getActivityFilterOptions(ctx, parsed.filters.plan),
    getTranslations("browse"),
    getFormatter(),
    getLocale(),
  ]);
  const reading = readingOf(ctx.tenant, locale);
  const filters = applicable(parsed.filters, options);
  const result = await listActivities(ctx, { ...filters, plan: options.plan?.id ?? null }, parsed.sort, parsed.page, {
    locale,
  });
  const state: ActivityListState = { filters, sort: parsed.sort, page: { ...parsed.page, page: result.page } };
  const href = (patch: StatePatch) => {
    const query = serializeActivityListState(state, patch);
    return `/${tenant}/activities${query ? `?${query}` : ""}`;
  };
  const from = (result.page - 1) * result.size + 1;
  const planTitle = result.plan ? textOf(result.plan.title, reading) : "";

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
        <p className="max-w-3xl text-sm text-slate-700">{t("figuresFromApproved")}</p>
      </header>
      {!result.plan ? (
        <p className="text-slate-700">{t("noPlan")}</p>
      ) : (
        <>
          {/* Keyed by the state: links (clear, sort, pages) navigate on the client, and the form's
              uncontrolled fields would otherwise keep the previous filters and re-apply them. */}
          <FilterForm
            key={serializeActivityListState(state)}
            tenant={tenant}
            state={state}
            options={options}
            reading={reading}
          />
          <section aria-labelledby="results-title" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="results-title" className="text-lg font-semibold">
                {t("count", { total: result.total })}
                <span className="ml-2 text-sm font-normal text-slate-700">
                  <Link href={`/${tenant}/plans/${result.plan.id}`} className="text-brand-700 hover:underline">
                    {planTitle}
                  </Link>
                </span>
              </h2>
              {result.total > 0 && (
                <p className="text-sm text-slate-700">
                  {t("showing", {
                    from: format.number(from),
                    to: format.number(from + result.rows.length - 1),
                    total: format.number(result.total),
                  })}
                </p>
              )}
            </div>
            {result.rows.length === 0 ? (
              <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
                <p>{hasActiveFilters(filters) ? t("empty") : t("emptyPlan")}</p>
                {hasActiveFilters(filters) && (
                  <p className="mt-2">
                    <Link
                      href={href({
                        filters: {
                          pillar: null,
                          objective: null,
                          agency: null,
                          role: "any",
                          status: [],
                          overdue: false,
                          q: "",
                        },
                        page: { page: 1 },
                      })}
                      className="text-brand-700 hover:underline"
                    >
                      {t("filters.clear")}
                    </Link>
                  </p>
                )}
              </div>
            ) : (
              <ActivityTable
                reading={reading}
                tenant={tenant}
                rows={result.rows}
                caption={t("caption", { plan: planTitle })}
                sort={{
                  by: state.sort.by,
                  dir: state.sort.dir,
                  href: (by, dir) => href({ sort: { by, dir }, page: { page: 1 } }),
                }}
              />
            )}
            <Pagination page={result.page} pageCount={result.pageCount} href={(page) => href({ page: { page } })} />
          </section>
        </>
      )}
    </div>
  );
}
