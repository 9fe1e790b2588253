import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import { Text } from "@/components/ui/text";
import { textOf, type Reading } from "@/lib/domain/texts";
import { reviewHref, type ComplianceCounts, type ComplianceRow, type QueueState } from "@/lib/validation/review";

const COLUMNS = ["due", "draft", "submitted", "approved", "returned", "missing"] as const;
type Column = (typeof COLUMNS)[number];
/** The queue's state behind each column ("missing" has no update: the agency's activities instead). */
const STATE: Record<Exclude<Column, "missing">, QueueState> = {
  due: "all",
  draft: "DRAFT",
  submitted: "waiting",
  approved: "APPROVED",
  returned: "RETURNED",
};

const LEVELS = {
  good: "border-green-700 bg-green-50 text-green-900",
  fair: "border-amber-700 bg-amber-50 text-amber-900",
  poor: "border-red-700 bg-red-50 text-red-900",
} as const;
const levelOf = (rate: number) => (rate >= 80 ? "good" : rate >= 50 ? "fair" : "poor");

const cell = "px-3 py-2 text-right tabular-nums";

/** Agencies x states for one period; every number links to the updates (or activities) behind it. */
export async function ComplianceTable({
  tenant,
  planId,
  periodId,
  caption,
  rows,
  totals,
  reading,
}: {
  tenant: string;
  planId: string;
  periodId: string;
  caption: string;
  rows: ComplianceRow[];
  totals: ComplianceCounts;
  reading: Reading;
}) {
  const [t, format] = await Promise.all([getTranslations("review.compliance"), getFormatter()]);
  const href = (column: Column, agencyId: string | null) =>
    column === "missing"
      ? `/${tenant}/activities?plan=${planId}${agencyId ? `&agency=${agencyId}&role=lead` : ""}`
      : reviewHref(tenant, { periodId, agencyId, state: STATE[column] });
  const counts = (c: ComplianceCounts, agencyId: string | null, agencyName: string) => (
    <>
      {COLUMNS.map((column) => (
        <td key={column} className={cell}>
          <Link
            href={href(column, agencyId)}
            className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
            aria-label={t("cellLabel", { agency: agencyName, state: t(column), count: format.number(c[column]) })}
          >
            {format.number(c[column])}
          </Link>
        </td>
      ))}
      <td className={`${cell} whitespace-nowrap`}>
        {c.onTimeRate === null ? (
          <span className="text-slate-600">{t("noRate")}</span>
        ) : (
          <span className="inline-flex items-center gap-2">
            <span>{t("rate", { rate: format.number(c.onTimeRate) })}</span>
            <span className={`rounded border px-1.5 py-0.5 text-xs font-medium ${LEVELS[levelOf(c.onTimeRate)]}`}>
              {t(`levels.${levelOf(c.onTimeRate)}`)}
            </span>
          </span>
        )}
      </td>
    </>
  );
  return (
    <TableScroll label={t("regionLabel")} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 py-2 text-left text-sm font-medium text-slate-800">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("agency")}
            </th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-medium">
                {t(c)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("onTime")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agency.id} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Text value={r.agency.name} reading={reading} />
              </th>
              {counts(r, r.agency.id, textOf(r.agency.name, reading))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-medium">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">
              {t("total")}
            </th>
            {counts(totals, null, t("total"))}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
