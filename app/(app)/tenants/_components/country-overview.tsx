import { getFormatter, getTranslations } from "next-intl/server";
import { PillarBadge } from "@/components/ui/status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { textOf, type Reading } from "@/lib/domain/texts";
import { toIsoDay } from "@/lib/domain/day";
import { PILLARS } from "@/lib/domain/enums";
import type { CountryOverview, PillarKey } from "@/lib/domain/types/dashboard";
import { CountryRow, STICKY } from "./country-row";

const HEAD = "px-3 py-2 font-medium align-bottom";
const FIGURES = ["activities", "completed", "averagePercent", "overdue", "atRisk", "reporting"] as const;

/**
 * One row per country the person belongs to: its active plan as of its latest opened period, the
 * headline figures with their change from the period before, reporting compliance and the average
 * progress of each pillar ("no pillar" only when a country has sections mapped to none).
 */
export async function CountryOverviewTable({
  rows,
  readings,
}: {
  rows: CountryOverview[];
  /** How the reader reads each tenant's content, by slug. */
  readings: Record<string, Reading>;
}) {
  const t = await getTranslations("tenants.overview");
  const pillarKeys: PillarKey[] = rows.some((r) => r.pillars.some((p) => p.key === "NONE"))
    ? [...PILLARS, "NONE"]
    : [...PILLARS];
  // The figures are counted as of today (lib/data/dashboard: todayOf); so is "still due".
  const today = toIsoDay(new Date());
  return (
    <>
      {/* Outside the box that scrolls: on a phone a visible caption would scroll away with the table. */}
      <p className="mb-3 text-sm text-slate-700">{t("note")}</p>
      <TableScroll label={t("caption")} className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" rowSpan={2} className={`${HEAD} ${STICKY} bg-slate-100 text-left`}>
                {t("country")}
              </th>
              <th scope="col" rowSpan={2} className={`${HEAD} text-left`}>
                {t("plan")}
              </th>
              <th scope="col" rowSpan={2} className={`${HEAD} text-left`}>
                {t("asOf")}
              </th>
              {FIGURES.map((k) => (
                <th key={k} scope="col" rowSpan={2} className={`${HEAD} text-right`}>
                  {t(k)}
                </th>
              ))}
              <th
                scope="colgroup"
                colSpan={pillarKeys.length}
                className={`${HEAD} border-l border-slate-200 text-center`}
              >
                {t("byPillar")}
              </th>
            </tr>
            <tr>
              {pillarKeys.map((p, i) => (
                <th key={p} scope="col" className={`${HEAD} text-right ${i === 0 ? "border-l border-slate-200" : ""}`}>
                  {p === "NONE" ? t("noPillar") : <PillarBadge pillar={p} />}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <CountryRow
                key={row.tenant.slug}
                row={row}
                reading={readings[row.tenant.slug]}
                pillarKeys={pillarKeys}
                today={today}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** "3 countries; most overdue: Kyrgyzstan (5)": the table in one line, above it. */
export async function overviewSummary(rows: CountryOverview[], readings: Record<string, Reading>): Promise<string> {
  const [t, format] = await Promise.all([getTranslations("tenants.overview"), getFormatter()]);
  const overdue = (r: CountryOverview) => r.headline?.current.overdue ?? 0;
  const most = Math.max(0, ...rows.map(overdue));
  if (most === 0) return t("summaryNoneOverdue", { count: rows.length });
  const countries = rows.filter((r) => overdue(r) === most).map((r) => textOf(r.tenant.name, readings[r.tenant.slug]));
  return t("summary", { count: rows.length, countries: format.list(countries), overdue: most });
}
