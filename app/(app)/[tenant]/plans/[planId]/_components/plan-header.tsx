import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { PlanTree } from "@/lib/domain/types/plans";
import { localized } from "@/lib/domain/localized";
import { PlanStatusBadge } from "@/components/ui/status-badge";

/** Title, status, period, predecessor and description; the edit link for managers of an open plan. */
export async function PlanHeader({
  tenant,
  plan,
  canEdit,
  isManager,
}: {
  tenant: string;
  plan: PlanTree;
  canEdit: boolean;
  isManager: boolean;
}) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  return (
    <header>
      <p className="text-sm">
        <Link href={`/${tenant}`} className="text-brand-700 hover:underline">
          {t("plans.title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{localized(plan.title, plan.titles, locale)}</h1>
        <PlanStatusBadge status={plan.status} />
        {canEdit && (
          <Link
            href={`/${tenant}/plans/${plan.id}/edit`}
            className="text-sm text-brand-700 underline-offset-2 hover:underline"
          >
            {t("planAdmin.editLink")}
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-700">
        {format.dateTimeRange(plan.startDate, plan.endDate, { year: "numeric", month: "long", day: "numeric" })}
      </p>
      {plan.predecessor && (
        <p className="text-sm text-slate-700">
          {t("plans.succeeds")}{" "}
          <Link href={`/${tenant}/plans/${plan.predecessor.id}`} className="text-brand-700 hover:underline">
            {localized(plan.predecessor.title, plan.predecessor.titles, locale)}
          </Link>
        </p>
      )}
      {plan.description && (
        <p className="mt-2 max-w-3xl whitespace-pre-line text-sm text-slate-800">{plan.description}</p>
      )}
      {isManager && !canEdit && (
        <p role="note" className="mt-2 rounded border border-slate-400 bg-slate-50 px-3 py-2 text-sm">
          {t("planAdmin.closedReadOnly")}
        </p>
      )}
    </header>
  );
}
