import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { readingOf } from "@/components/ui/text";
import { listPlanChoices } from "@/lib/data/plans";
import { PlanForm } from "../_components/plan-form";
import { textOf } from "@/lib/domain/texts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planAdmin");
  return { title: t("newTitle") };
}

/** A new plan (admins and coordinators only; others get 404). It starts with the four pillar sections. */
export default async function NewPlanPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant, "plans.manage");
  const [plans, t, locale] = await Promise.all([listPlanChoices(ctx), getTranslations(), getLocale()]);
  const reading = readingOf(ctx.tenant, locale);
  return (
    <section className="flex max-w-2xl flex-col gap-4">
      <p className="text-sm">
        <Link href={`/${tenant}`} className="text-brand-700 hover:underline">
          {t("plans.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("planAdmin.newTitle")}</h1>
      <p className="text-sm text-slate-700">{t("planAdmin.newIntro")}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <PlanForm tenant={tenant} predecessors={plans.map((p) => ({ value: p.id, label: textOf(p.title, reading) }))} />
      </div>
    </section>
  );
}
