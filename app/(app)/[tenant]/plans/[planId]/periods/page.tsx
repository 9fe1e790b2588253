import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { exceptionChoices, listExceptions, listPeriods } from "@/lib/data/reporting/periods";
import { parseIsoDay } from "@/lib/domain/day";
import { NotFoundError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/roles";
import { textOf } from "@/lib/domain/texts";
import { readingOf } from "@/components/ui/text";
import { ExceptionForm } from "./_components/exception-form";
import { ExceptionsTable } from "./_components/exceptions-table";
import { GenerateForm } from "./_components/generate-form";
import { ManagePeriod } from "./_components/manage-period";
import { PeriodForm } from "./_components/period-form";
import { PeriodsTable } from "./_components/periods-table";

type Params = Promise<{ tenant: string; planId: string }>;

// One load per request, shared by the metadata and the page: a fixed handful of queries, whatever
// the number of periods (their update counts come from one grouped query).
const load = cache(async (tenant: string, planId: string) => {
  const ctx = await requireTenant(tenant);
  try {
    const manager = can(ctx.role, "periods.manage");
    const [data, exceptions, choices] = await Promise.all([
      listPeriods(ctx, planId),
      listExceptions(ctx, planId),
      manager ? exceptionChoices(ctx, planId) : null,
    ]);
    return { ctx, manager, data, exceptions, choices };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, planId } = await params;
  const [{ ctx, data }, t, locale] = await Promise.all([load(tenant, planId), getTranslations("periods"), getLocale()]);
  return { title: t("page.title", { plan: textOf(data.plan.title, readingOf(ctx.tenant, locale)) }) };
}

/**
 * A plan's reporting periods, their states and their updates by status, and the exceptions to
 * their locks: every member reads them; coordinators and administrators also generate, add, edit,
 * close, reopen and delete periods and grant exceptions (the server checks again on every action).
 * `?period=<id>` opens one period's controls.
 */
export default async function PeriodsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ period?: string | string[] }>;
}) {
  const { tenant, planId } = await params;
  const { ctx, manager, data, exceptions, choices } = await load(tenant, planId);
  const [t, format, locale] = await Promise.all([getTranslations("periods"), getFormatter(), getLocale()]);
  const reading = readingOf(ctx.tenant, locale);
  const slug = ctx.tenant.slug;
  const base = `/${slug}/plans/${planId}/periods`;
  const chosenId = (await searchParams).period;
  const chosen = manager ? data.periods.find((p) => p.id === chosenId) : undefined;
  const planOpen = data.plan.status !== "CLOSED";
  const planTitle = textOf(data.plan.title, reading);
  const day = (iso: string) => format.dateTime(parseIsoDay(iso), { day: "numeric", month: "long", year: "numeric" });
  const periodChoices = data.periods.map((p) => ({ value: p.id, label: textOf(p.label, reading) }));
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm">
          <Link href={`/${slug}/plans/${planId}`} className="text-brand-700 hover:underline">
            {planTitle}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("page.heading")}</h1>
        <p className="text-sm text-slate-700">
          {t("page.planDays", { start: day(data.plan.startDate), end: day(data.plan.endDate) })}
        </p>
        <p className="max-w-3xl text-sm text-slate-700">{t("page.intro")}</p>
      </header>

      {chosen && (
        <ManagePeriod
          tenant={slug}
          base={base}
          period={chosen}
          label={textOf(chosen.label, reading)}
          planOpen={planOpen}
        />
      )}

      <PeriodsTable
        periods={data.periods}
        reading={reading}
        manageBase={manager ? base : null}
        emptyText={manager ? t("page.emptyManager") : t("page.empty")}
      />

      {manager && planOpen && !chosen && (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <section
            aria-labelledby="generate-heading"
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          >
            <h2 id="generate-heading" className="mb-3 text-lg font-semibold">
              {t("generate.title")}
            </h2>
            <GenerateForm tenant={slug} planId={planId} />
          </section>
          <section
            aria-labelledby="add-heading"
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          >
            <h2 id="add-heading" className="mb-3 text-lg font-semibold">
              {t("form.addTitle")}
            </h2>
            <PeriodForm tenant={slug} planId={planId} base={base} />
          </section>
        </div>
      )}

      <section aria-labelledby="exceptions-heading" className="flex flex-col gap-3">
        <h2 id="exceptions-heading" className="text-lg font-semibold">
          {t("exceptions.title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("exceptions.intro")}</p>
        <ExceptionsTable tenant={slug} exceptions={exceptions} reading={reading} canRevoke={manager} />
        {manager && choices && data.periods.length > 0 && (
          <section
            aria-labelledby="grant-heading"
            className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          >
            <h3 id="grant-heading" className="mb-3 text-base font-semibold">
              {t("exceptions.grantTitle")}
            </h3>
            <ExceptionForm
              tenant={slug}
              periods={periodChoices}
              agencies={choices.agencies.map((a) => ({ value: a.id, label: textOf(a.name, reading) }))}
              activities={choices.activities.map((a) => ({
                value: a.id,
                label: `${a.code} ${textOf(a.title, reading)}`,
              }))}
            />
          </section>
        )}
      </section>
    </article>
  );
}
