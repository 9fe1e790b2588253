import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { hasText } from "@/lib/domain/texts";
import type { PlanTree } from "@/lib/domain/types/plans";
import { PlanStatusBadge } from "@/components/ui/status-badge";
import { Text, type Reading } from "@/components/ui/text";

/** Title, status, period (with the link to its reporting periods), predecessor and description; the edit link for managers of an open plan. */
export async function PlanHeader({
  tenant,
  plan,
  canEdit,
  editing,
  isManager,
  reading,
}: {
  tenant: string;
  plan: PlanTree;
  canEdit: boolean;
  /** Showing the structure's controls (add, rename, reorder, archive). */
  editing: boolean;
  isManager: boolean;
  reading: Reading;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <header>
      <p className="text-sm">
        <Link href={`/${tenant}`} className="text-brand-700 hover:underline">
          {t("plans.title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          <Text value={plan.title} reading={reading} />
        </h1>
        <PlanStatusBadge status={plan.status} />
        {canEdit && (
          <>
            <Link
              href={`/${tenant}/plans/${plan.id}/edit`}
              className="text-sm text-brand-700 underline-offset-2 hover:underline"
            >
              {t("planAdmin.editLink")}
            </Link>
            <Link
              href={editing ? `/${tenant}/plans/${plan.id}` : `/${tenant}/plans/${plan.id}?mode=edit`}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100"
              aria-current={editing ? "true" : undefined}
            >
              {editing ? t("structure.doneEditing") : t("structure.editStructure")}
            </Link>
          </>
        )}
      </div>
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm text-slate-700">
        <span>
          {format.dateTimeRange(plan.startDate, plan.endDate, { year: "numeric", month: "long", day: "numeric" })}
        </span>
        <Link
          href={`/${tenant}/plans/${plan.id}/periods`}
          className="text-brand-700 underline-offset-2 hover:underline"
        >
          {t("periods.page.link")}
        </Link>
      </p>
      {plan.predecessor && (
        <p className="text-sm text-slate-700">
          {t("plans.succeeds")}{" "}
          <Link href={`/${tenant}/plans/${plan.predecessor.id}`} className="text-brand-700 hover:underline">
            <Text value={plan.predecessor.title} reading={reading} />
          </Link>
        </p>
      )}
      {hasText(plan.description) && (
        <p className="mt-2 max-w-3xl text-sm whitespace-pre-line text-slate-800">
          <Text value={plan.description} reading={reading} />
        </p>
      )}
      {isManager && !canEdit && (
        <p role="note" className="mt-2 rounded border border-slate-400 bg-slate-50 px-3 py-2 text-sm">
          {t("planAdmin.closedReadOnly")}
        </p>
      )}
    </header>
  );
}
