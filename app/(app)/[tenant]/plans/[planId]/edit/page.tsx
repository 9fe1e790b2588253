import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { readingOf } from "@/components/ui/text";
import { getPlanForEdit, listPlanChoices } from "@/lib/data/plans";
import { NotFoundError } from "@/lib/domain/errors";
import { isPlanReadOnly } from "@/lib/domain/plan-status";
import { PlanForm } from "../../_components/plan-form";
import { RemovePlan } from "./_components/remove-plan";
import { textOf } from "@/lib/domain/texts";

type Params = Promise<{ tenant: string; planId: string }>;

async function load(params: Params) {
  const { tenant, planId } = await params;
  const ctx = await requireTenant(tenant, "plans.manage");
  try {
    return { ctx, plan: await getPlanForEdit(ctx, planId) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ ctx, plan }, t, locale] = await Promise.all([load(params), getTranslations("planAdmin"), getLocale()]);
  return { title: t("editTitle", { title: textOf(plan.title, readingOf(ctx.tenant, locale)) }) };
}

/** The plan's details, status and removal (admins and coordinators; others get 404). A closed plan is read-only. */
export default async function EditPlanPage({ params }: { params: Params }) {
  const { ctx, plan } = await load(params);
  const [plans, t, locale] = await Promise.all([listPlanChoices(ctx), getTranslations(), getLocale()]);
  const reading = readingOf(ctx.tenant, locale);
  const slug = ctx.tenant.slug;
  const planTitle = textOf(plan.title, reading);
  return (
    <section className="flex max-w-2xl flex-col gap-4">
      <p className="text-sm">
        <Link href={`/${slug}/plans/${plan.id}`} className="text-brand-700 hover:underline">
          {planTitle}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("planAdmin.editTitle", { title: planTitle })}</h1>
      {isPlanReadOnly(plan.status) ? (
        <p role="status" className="rounded border border-slate-400 bg-slate-50 p-3 text-sm">
          {t("planAdmin.closedReadOnly")}
        </p>
      ) : (
        <>
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <PlanForm
              tenant={slug}
              plan={plan}
              predecessors={plans
                .filter((p) => p.id !== plan.id)
                .map((p) => ({ value: p.id, label: textOf(p.title, reading) }))}
            />
          </div>
          <RemovePlan tenant={slug} planId={plan.id} title={planTitle} deletable={plan.deletable} />
        </>
      )}
    </section>
  );
}
