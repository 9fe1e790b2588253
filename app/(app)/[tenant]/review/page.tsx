import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { readingOf } from "@/components/ui/text";
import { reviewFilterOptions, reviewQueue } from "@/lib/data/reporting/review";
import { parseReviewParams, reviewHref, type ReviewFilters } from "@/lib/validation/review";
import { BulkApprove } from "./_components/bulk-approve";
import { Pagination } from "@/components/ui/pagination";
import { QueueFilters } from "./_components/queue-filters";
import { QueueTable } from "./_components/queue-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

/** The review queue: coordinators and administrators only (others get 404, as for any page they may not see). */
export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant, "progress.review");
  const asked = parseReviewParams(await searchParams);
  const locale = await getLocale();
  const [options, t, tAll, format] = await Promise.all([
    reviewFilterOptions(ctx, locale),
    getTranslations("review"),
    getTranslations(),
    getFormatter(),
  ]);
  // Only what belongs to this tenant stays in the form (a period or agency of another is dropped).
  const filters: ReviewFilters = {
    ...asked,
    periodId: options.periods.some((p) => p.id === asked.periodId) ? asked.periodId : null,
    agencyId: options.agencies.some((a) => a.id === asked.agencyId) ? asked.agencyId : null,
  };
  const result = await reviewQueue(ctx, filters);
  const reading = readingOf(ctx.tenant, locale);
  const from = (result.page - 1) * result.size + 1;
  const reasons = Object.fromEntries(
    (["ownSubmission", "signOffFirst", "notReviewer"] as const)
      .map((r) => [r, tAll(`progress.refused.${r}`)])
      .concat((["stale", "notFound", "notAllowedInState"] as const).map((r) => [r, t(`bulk.reasons.${r}`)])),
  );
  const filtered = filters.periodId || filters.pillar || filters.agencyId || filters.state !== "waiting";

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
        <p>
          <Link href={`/${tenant}/review/compliance`} className="text-sm text-brand-700 hover:underline">
            {t("compliance.link")}
          </Link>
        </p>
      </header>
      <QueueFilters
        key={reviewHref(tenant, filters)}
        tenant={tenant}
        filters={filters}
        options={options}
        reading={reading}
      />
      <section aria-labelledby="queue-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="queue-title" className="text-lg font-semibold">
            {t("count", { total: result.total })}
          </h2>
          {result.total > 0 && (
            <p className="text-sm text-slate-700">
              {t("showing", {
                from: format.number(from),
                to: format.number(from + result.rows.length - 1),
                total: format.number(result.total),
              })}
            </p>
          )}
        </div>
        {/* Always there, so its outcome stays on screen when the approved rows leave the queue. */}
        <BulkApprove tenant={tenant} reasons={reasons} />
        {result.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            {filtered ? t("empty") : t("emptyWaiting")}
          </p>
        ) : (
          <QueueTable tenant={tenant} rows={result.rows} reading={reading} />
        )}
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          href={(page) => reviewHref(tenant, { ...filters, page })}
          label={t("pagination.label")}
        />
      </section>
    </div>
  );
}
