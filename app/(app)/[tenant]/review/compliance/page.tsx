import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { complianceMatrix } from "@/lib/data/reporting/review";
import { formatDay } from "@/components/browse/format";
import { NotFoundError } from "@/lib/domain/errors";
import { textOf, readingOf } from "@/lib/domain/texts";
import { ComplianceQuerySchema } from "@/lib/validation/review";
import { ComplianceTable } from "../_components/compliance-table";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.compliance");
  return { title: t("title") };
}

/** Reporting compliance per period: agencies x states, on-time rate; coordinators and administrators only. */
export default async function CompliancePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: SearchParams;
}) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant, "progress.review");
  const query = ComplianceQuerySchema.parse(await searchParams);
  const locale = await getLocale();
  const [t, format] = await Promise.all([getTranslations("review.compliance"), getFormatter()]);
  // A period of another tenant (or a mistyped one) shows the default period, not an error.
  const matrix = await complianceMatrix(ctx, { periodId: query.period, planId: query.plan }, { locale }).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) return complianceMatrix(ctx, {}, { locale });
      throw error;
    },
  );
  const reading = readingOf(ctx.tenant, locale);
  const periodLabel = matrix.period ? textOf(matrix.period.label, reading) : "";

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
        <p>
          <Link href={`/${tenant}/review`} className="text-sm text-brand-700 hover:underline">
            {t("backToQueue")}
          </Link>
        </p>
      </header>
      {!matrix.plan ? (
        <p className="text-slate-700">{t("noPlan")}</p>
      ) : !matrix.period ? (
        <p className="text-slate-700">{t("noPeriods")}</p>
      ) : (
        <>
          <form
            method="get"
            action={`/${tenant}/review/compliance`}
            className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="c-period" className="text-sm font-medium text-slate-800">
                {t("period")}
              </label>
              <select
                id="c-period"
                name="period"
                defaultValue={matrix.period.id}
                key={matrix.period.id}
                className="max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900"
              >
                {matrix.periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {textOf(p.label, reading)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t("show")}
            </button>
          </form>
          <section aria-labelledby="matrix-title" className="flex flex-col gap-2">
            <h2 id="matrix-title" className="text-lg font-semibold">
              {periodLabel} · {textOf(matrix.plan.title, reading)}
            </h2>
            <p className="text-sm text-slate-700">
              {t("dueOn", { due: formatDay(format, matrix.period.dueDate, "—", "long") })} {t("explain")}
            </p>
            {matrix.rows.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
                {t("empty")}
              </p>
            ) : (
              <ComplianceTable
                tenant={tenant}
                planId={matrix.plan.id}
                periodId={matrix.period.id}
                caption={t("caption", { period: periodLabel })}
                rows={matrix.rows}
                totals={matrix.totals}
                reading={reading}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
