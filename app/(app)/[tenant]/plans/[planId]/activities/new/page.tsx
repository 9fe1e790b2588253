import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { readingOf } from "@/components/ui/text";
import { getActivityFormOptions } from "@/lib/data/activities";
import { NotFoundError } from "@/lib/domain/errors";
import { ActivityForm } from "@/components/activities/activity-form";
import { activityFormProps } from "@/components/activities/form-props";
import { textOf } from "@/lib/domain/texts";

type Params = Promise<{ tenant: string; planId: string }>;
type Search = Promise<{ objective?: string | string[] }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activityForm");
  return { title: t("newTitle") };
}

/** A new activity in a plan; ?objective=<id> preselects its objective (the plan page links so). */
export default async function NewActivityPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ tenant, planId }, { objective }] = await Promise.all([params, searchParams]);
  const ctx = await requireTenant(tenant, "plans.manage");
  const options = await getActivityFormOptions(ctx, planId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("activityForm"), getLocale()]);
  const reading = readingOf(ctx.tenant, locale);
  const planHref = `/${tenant}/plans/${planId}`;
  const preselected = options.objectives.find((o) => o.id === objective)?.id ?? options.objectives[0]?.id ?? "";
  return (
    <article className="flex max-w-4xl flex-col gap-4">
      <header>
        <p className="text-sm">
          <Link href={planHref} className="text-brand-700 hover:underline">
            {t("backToPlan")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
        <p className="text-sm text-slate-700">{t("newIntro", { plan: textOf(options.plan.title, reading) })}</p>
      </header>
      {options.plan.status === "CLOSED" ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3 text-sm">{t("planClosed")}</p>
      ) : options.objectives.length === 0 ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3 text-sm">{t("noObjectives")}</p>
      ) : (
        <ActivityForm {...activityFormProps(tenant, options, reading)} values={{ objectiveId: preselected }} />
      )}
    </article>
  );
}
