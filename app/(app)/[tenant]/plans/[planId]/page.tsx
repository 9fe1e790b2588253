import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { textOf } from "@/lib/domain/texts";
import { getPlanTree } from "@/lib/data/plans";
import { suggestNextCode } from "@/lib/domain/codes";
import { NotFoundError } from "@/lib/domain/errors";
import { isPlanReadOnly } from "@/lib/domain/plan-status";
import { can } from "@/lib/domain/roles";
import { PlanHeader } from "./_components/plan-header";
import { SectionBlock } from "./_components/section-block";
import { SectionForm } from "./_components/section-form";
import { readingOf } from "@/components/ui/text";

type Params = Promise<{ tenant: string; planId: string }>;

// One load per request, shared by the metadata and the page: the tree costs a fixed handful of queries.
const loadPlan = cache(async (tenant: string, planId: string) => {
  const ctx = await requireTenant(tenant);
  try {
    return { ctx, plan: await getPlanTree(ctx, planId) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, planId } = await params;
  const { ctx, plan } = await loadPlan(tenant, planId);
  return { title: textOf(plan.title, readingOf(ctx.tenant, await getLocale())) };
}

/**
 * The plan's sections, objectives and activities for every role. Admins and coordinators also get
 * the controls that shape the plan while it is not closed; the server checks again on every action.
 */
export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ mode?: string | string[] }>;
}) {
  const { tenant, planId } = await params;
  const { ctx, plan } = await loadPlan(tenant, planId);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const reading = readingOf(ctx.tenant, locale);
  const isManager = can(ctx.role, "plans.manage");
  const canEdit = isManager && !isPlanReadOnly(plan.status);
  // Reading is the default for everyone; managers switch to editing the structure explicitly
  // (?mode=edit, a link that works without JavaScript and can be shared).
  const editing = canEdit && (await searchParams).mode === "edit";
  const sectionCodes = plan.sections.map((s) => s.code);
  const manage = editing
    ? {
        sectionCodes,
        objectiveCodes: plan.sections.flatMap((s) => s.objectives.map((o) => o.code)),
        sections: plan.sections.map((s) => ({
          value: s.id,
          label: `${s.code}. ${textOf(s.title, reading)}`,
        })),
      }
    : null;
  const today = new Date();
  const slug = ctx.tenant.slug;
  return (
    <article className="flex flex-col gap-4">
      <PlanHeader
        tenant={slug}
        plan={plan}
        canEdit={canEdit}
        editing={editing}
        isManager={isManager}
        reading={reading}
      />
      {!editing && plan.sections.length > 0 && (
        <p className="text-sm text-slate-700">{t("browse.figuresFromApproved")}</p>
      )}
      {plan.sections.length === 0 && <p className="text-slate-700">{t("structure.noSections")}</p>}
      {plan.sections.map((section, i) => (
        <SectionBlock
          key={section.id}
          tenant={slug}
          planId={plan.id}
          section={section}
          first={i === 0}
          last={i === plan.sections.length - 1}
          manage={manage}
          today={today}
          reading={reading}
        />
      ))}
      {manage && (
        <section
          aria-labelledby="add-section-heading"
          className="max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h2 id="add-section-heading" className="mb-4 text-lg font-semibold">
            {t("structure.addSectionTitle")}
          </h2>
          <SectionForm
            tenant={slug}
            planId={plan.id}
            suggestedCode={suggestNextCode(null, sectionCodes)}
            takenCodes={sectionCodes}
          />
        </section>
      )}
    </article>
  );
}
