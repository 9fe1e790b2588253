import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TenantContext } from "@/lib/data/context";
import type { reportablePeriods } from "@/lib/data/reporting/updates";
import { can } from "@/lib/domain/roles";
import { textOf, type Reading } from "@/lib/domain/texts";
import type { ActivityDetail } from "@/lib/domain/types/activity-browse";
import { UpdateStatusBadge } from "@/components/reporting/update-status-badge";
import { PeriodState } from "@/components/reporting/period-state";

type Periods = Awaited<ReturnType<typeof reportablePeriods>>;

/** Whether this person may write an update (or a partner's contribution) on the activity. */
export function mayReport(ctx: TenantContext, activity: Pick<ActivityDetail, "leadAgency" | "partners">): boolean {
  if (!can(ctx.role, "progress.report")) return false;
  if (ctx.role !== "FOCAL_POINT") return true;
  const agency = ctx.agencyId;
  return Boolean(agency && (activity.leadAgency?.id === agency || activity.partners.some((p) => p.id === agency)));
}

/** The latest approved update (by the period it reports on): where the activity's figures come from. */
export function approvedSource(periods: Periods) {
  const approved = periods.filter((p) => p.update?.status === "APPROVED");
  return approved.at(-1) ?? null;
}

/** The periods that accept reports now, with a "Report progress" link and the update's state in each. */
export async function ReportingSection({
  tenant,
  activityId,
  periods,
  canReport,
  seesWork,
  reading,
}: {
  tenant: string;
  activityId: string;
  periods: Periods;
  canReport: boolean;
  /** Drafts and submissions are the reporters' and reviewers'; viewers see approved updates only. */
  seesWork: boolean;
  reading: Reading;
}) {
  const [t, format] = await Promise.all([getTranslations("progress.activity"), getFormatter()]);
  const open = periods.filter((p) => p.status.acceptsReports);
  const source = approvedSource(periods);
  const href = (periodId: string) => `/${tenant}/activities/${activityId}/report?period=${periodId}`;
  return (
    <section
      aria-labelledby="reporting-title"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="reporting-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {open.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noPeriods")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {open.map((p) => {
            const update = p.update && (seesWork || p.update.status === "APPROVED") ? p.update : null;
            return (
              <li key={p.id} className="flex flex-col gap-1 text-sm">
                <span className="font-medium">{textOf(p.label, reading)}</span>
                <PeriodState period={p} reading={reading} />
                <span className="flex flex-wrap items-center gap-2">
                  {update ? (
                    <UpdateStatusBadge status={update.status} />
                  ) : (
                    <span className="text-slate-700">{t("noUpdate")}</span>
                  )}
                  {canReport ? (
                    <Link
                      href={href(p.id)}
                      className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
                    >
                      {t("reportProgress")}
                    </Link>
                  ) : (
                    update && (
                      <Link href={href(p.id)} className="text-brand-700 underline">
                        {t("open")}
                      </Link>
                    )
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="text-sm text-slate-700">
        {source
          ? source.update?.reviewer
            ? t("fromApproved", {
                period: textOf(source.label, reading),
                date: source.update.reviewedAt
                  ? format.dateTime(source.update.reviewedAt, { year: "numeric", month: "long", day: "numeric" })
                  : "—",
                name: source.update.reviewer,
              })
            : t("fromApprovedNoName", {
                period: textOf(source.label, reading),
                date: source.update?.reviewedAt
                  ? format.dateTime(source.update.reviewedAt, { year: "numeric", month: "long", day: "numeric" })
                  : "—",
              })
          : t("notFromUpdate")}
      </p>
    </section>
  );
}
