import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { dashboardWatchlist } from "@/lib/data/dashboard";
import type { WatchRow } from "@/lib/domain/types/dashboard";
import { formatPercent } from "@/components/browse/format";
import { ActivityStatusBadge } from "@/components/ui/status-badge";
import { Text } from "@/components/ui/text";
import type { PartProps } from "./part-props";
import { DashboardSection } from "@/components/dashboard/section";

/** Overdue and at-risk activities, each linked to its page, with the reason in words. */
export async function WatchlistSection({ ctx, view, slug, locale, reading }: PartProps & { slug: string }) {
  const [watch, t, format] = await Promise.all([
    dashboardWatchlist(ctx, view, { locale }),
    getTranslations("dashboard.watch"),
    getFormatter(),
  ]);
  const reason = (r: WatchRow) =>
    r.reason.kind === "overdue"
      ? t("reasons.overdue", { days: r.reason.days })
      : r.reason.kind === "delayed"
        ? t("reasons.delayed")
        : t("reasons.behind", {
            expected: formatPercent(format, r.reason.expected),
            actual: formatPercent(format, r.reason.actual),
          });
  const list = (id: string, title: string, rows: WatchRow[], total: number, more: string | null) => (
    <div>
      <h3 id={id} className="font-medium">
        {title} <span className="text-slate-700">({format.number(total)})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul aria-labelledby={id} className="mt-2 flex flex-col divide-y divide-slate-200">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 py-2 text-sm">
              <Link href={`/${slug}/activities/${r.id}`} className="text-brand-700 underline underline-offset-2">
                <span className="tabular-nums">{r.code}</span> <Text value={r.title} reading={reading} />
              </Link>
              <span className="flex flex-wrap items-center gap-2 text-slate-700">
                <ActivityStatusBadge status={r.status} />
                <span>{formatPercent(format, r.percentComplete)}</span>
                <span>{reason(r)}</span>
                {r.leadAgency && (
                  <span>
                    · <Text value={r.leadAgency.name} reading={reading} />
                  </span>
                )}
                {r.pending && <span className="text-amber-900">{t("pending")}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > rows.length && (
        <p className="mt-1 text-sm">
          {more ? (
            <>
              {t("first", { shown: rows.length, n: total })}{" "}
              <Link href={more} className="text-brand-700 underline underline-offset-2">
                {t("all")}
              </Link>
            </>
          ) : (
            t("first", { shown: rows.length, n: total })
          )}
        </p>
      )}
    </div>
  );
  return (
    <DashboardSection id="watch" title={t("title")}>
      <div className="grid gap-4 md:grid-cols-2">
        {list(
          "watch-overdue",
          t("overdue"),
          watch.overdue,
          watch.overdueTotal,
          `/${slug}/activities?plan=${view.plan?.id ?? ""}&overdue=1`,
        )}
        {list("watch-risk", t("atRisk"), watch.atRisk, watch.atRiskTotal, null)}
      </div>
    </DashboardSection>
  );
}
