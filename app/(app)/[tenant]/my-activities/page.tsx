import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { readingOf } from "@/components/ui/text";
import { listMyActivities } from "@/lib/data/activity-queries";
import { groupByPlan, PlanGroups } from "@/components/browse/plan-groups";
import { textOf } from "@/lib/domain/texts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("browse.my");
  return { title: t("title") };
}

/** A focal point's own activities; everyone else is pointed to the activity list. */
export default async function MyActivitiesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const [mine, t, tAll, locale] = await Promise.all([
    listMyActivities(ctx),
    getTranslations("browse.my"),
    getTranslations(),
    getLocale(),
  ]);
  const reading = readingOf(ctx.tenant, locale);
  const toList = (
    <Link href={`/${tenant}/activities`} className="text-brand-700 hover:underline">
      {t("toList")}
    </Link>
  );
  if (!mine.agency) {
    return (
      <section className="flex max-w-2xl flex-col gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-800">
          {ctx.role === "FOCAL_POINT" ? t("noAgency") : t("notFocalPoint", { role: tAll(`roles.${ctx.role}`) })}
        </p>
        <p>{toList}</p>
      </section>
    );
  }
  const agency = textOf(mine.agency.name, reading);
  return (
    <section className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro", { agency })}</p>
      </header>
      {mine.rows.length === 0 ? (
        <p className="text-slate-700">{t("none", { agency })}</p>
      ) : (
        <PlanGroups
          tenant={tenant}
          groups={groupByPlan(mine.rows)}
          caption={(plan) => t("planCaption", { plan })}
          reading={reading}
        />
      )}
      <p className="text-sm">{toList}</p>
    </section>
  );
}
