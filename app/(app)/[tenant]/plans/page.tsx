import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { listPlans } from "@/lib/data/plans";
import { can } from "@/lib/domain/roles";
import { PlanStatusBadge } from "@/components/ui/status-badge";
import { textOf } from "@/lib/domain/texts";
import { Text, readingOf } from "@/components/ui/text";

export async function generateMetadata({ params }: { params: Promise<{ tenant: string }> }): Promise<Metadata> {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const t = await getTranslations("plans");
  return { title: `${t("title")} · ${textOf(ctx.tenant.name, readingOf(ctx.tenant, await getLocale()))}` };
}

export default async function PlansPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const [plans, t, tAdmin, format, locale] = await Promise.all([
    listPlans(ctx),
    getTranslations("plans"),
    getTranslations("planAdmin"),
    getFormatter(),
    getLocale(),
  ]);
  const reading = readingOf(ctx.tenant, locale);
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      {plans.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {plans.map((plan) => (
            <li key={plan.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-3">
                <Link
                  href={`/${tenant}/plans/${plan.id}`}
                  className="text-lg font-medium text-brand-700 hover:underline"
                >
                  <Text value={plan.title} reading={reading} />
                </Link>
                <PlanStatusBadge status={plan.status} />
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {format.dateTimeRange(plan.startDate, plan.endDate, { year: "numeric", month: "long", day: "numeric" })}
              </p>
              <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
                <div className="flex gap-1">
                  <dt className="text-slate-700">{t("activities")}:</dt>
                  <dd className="font-medium">{format.number(plan.activities)}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="text-slate-700">{t("completed")}:</dt>
                  <dd className="font-medium">{format.number(plan.completed)}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="text-slate-700">{t("overdueCount")}:</dt>
                  <dd className="font-medium">{format.number(plan.overdue)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {/* After the list: the plans come first for people and for anything reading the page in order. */}
      {can(ctx.role, "plans.manage") && (
        <p className="mt-4">
          <Link
            href={`/${tenant}/plans/new`}
            className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {tAdmin("newPlan")}
          </Link>
        </p>
      )}
    </section>
  );
}
