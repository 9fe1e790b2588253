import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PillarBadge } from "@/components/ui/status-badge";
import { Text, type Reading } from "@/components/ui/text";
import { formatDay } from "@/components/browse/format";
import { BULK_FORM_ID, type ReviewRow } from "@/lib/validation/review";
import { RowDecision } from "./row-decision";
import { UpdateStateBadge } from "./update-state-badge";

// A table on wide screens; on phones each row is a card of labelled lines (no sideways scrolling).
const cell = "px-3 py-2 align-top max-sm:block max-sm:px-0 max-sm:py-1";

/** The queue's rows: activity (to its report page), pillar, agency, period, state, submitter, decision. */
export async function QueueTable({ tenant, rows, reading }: { tenant: string; rows: ReviewRow[]; reading: Reading }) {
  const [t, tAll, format] = await Promise.all([getTranslations("review"), getTranslations(), getFormatter()]);
  const inline = (label: string) => <span className="font-medium text-slate-700 sm:hidden">{label}: </span>;
  const refusalText = (r: ReviewRow) =>
    r.approveRefusal
      ? t("cannotApprove", {
          reason: tAll(`progress.refused.${r.approveRefusal}`, {
            status: tAll(`progress.status.${r.status}`).toLowerCase(),
          }),
        })
      : null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm max-sm:border-0 max-sm:bg-transparent max-sm:shadow-none">
      <table className="w-full border-collapse text-sm max-sm:block">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-100 text-left max-sm:sr-only">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.select")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.activity")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.pillar")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.agency")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.period")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.status")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.submitted")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.actions")}
            </th>
          </tr>
        </thead>
        <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-3">
          {rows.map((r) => (
            <tr
              key={r.id}
              className="border-t border-slate-200 max-sm:block max-sm:rounded-lg max-sm:border max-sm:bg-white max-sm:p-3 max-sm:shadow-sm"
            >
              <td className={cell}>
                {r.approvable ? (
                  <input
                    type="checkbox"
                    form={BULK_FORM_ID}
                    name="selected"
                    value={`${r.id}:${r.version}`}
                    aria-label={t("selectRow", { code: r.activity.code })}
                    className="size-5"
                  />
                ) : (
                  <span className="text-slate-500" aria-hidden="true">
                    —
                  </span>
                )}
              </td>
              <td className={cell}>
                <Link
                  href={`/${tenant}/activities/${r.activity.id}/report?period=${r.period.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  <span className="font-mono">{r.activity.code}</span>{" "}
                  <Text value={r.activity.title} reading={reading} />
                </Link>
              </td>
              <td className={cell}>
                {inline(t("columns.pillar"))}
                {r.pillar ? <PillarBadge pillar={r.pillar} /> : <span className="text-slate-600">{t("noPillar")}</span>}
              </td>
              <td className={cell}>
                {inline(t("columns.agency"))}
                {r.leadAgency ? (
                  <Text value={r.leadAgency.name} reading={reading} />
                ) : (
                  <span className="text-slate-600">{t("noLead")}</span>
                )}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                {inline(t("columns.period"))}
                <Text value={r.period.label} reading={reading} />
              </td>
              <td className={cell}>
                {inline(t("columns.status"))}
                <UpdateStateBadge status={r.status} />
              </td>
              <td className={cell}>
                {inline(t("columns.submitted"))}
                {r.submittedAt
                  ? t("submittedBy", { name: r.submittedBy ?? t("someone"), date: formatDay(format, r.submittedAt) })
                  : t("notSubmitted")}
              </td>
              <td className={`${cell} sm:min-w-56`}>
                {r.approvable || r.returnable ? (
                  <RowDecision
                    tenant={tenant}
                    updateId={r.id}
                    version={r.version}
                    code={r.activity.code}
                    cannotApprove={refusalText(r)}
                    returnable={r.returnable}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
