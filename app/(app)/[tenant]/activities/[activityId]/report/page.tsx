import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { getReport, reportablePeriods } from "@/lib/data/reporting/updates";
import { NotFoundError } from "@/lib/domain/errors";
import { textOf } from "@/lib/domain/texts";
import type { ReportContext } from "@/lib/domain/types/progress";
import { formatDay } from "@/components/browse/format";
import { UpdateStatusBadge } from "@/components/reporting/update-status-badge";
import { Text, readingOf } from "@/components/ui/text";
import { ContributionForm } from "./_components/contribution-form";
import { EvidenceList } from "./_components/evidence-list";
import { NoChangeForm } from "./_components/no-change-form";
import { PeriodState, periodReason } from "@/components/reporting/period-state";
import { ReportForm } from "./_components/report-form";
import { reportValues, type ReportIndicator } from "./_components/report-values";
import { ReviewControls } from "./_components/review-controls";
import { Trail } from "./_components/trail";
import { UpdateValuesView } from "./_components/update-values-view";

type Params = Promise<{ tenant: string; activityId: string }>;
type Search = Promise<{ period?: string | string[] }>;

async function load(params: Params, searchParams: Search) {
  const [{ tenant, activityId }, sp] = await Promise.all([params, searchParams]);
  const ctx = await requireTenant(tenant);
  const locale = await getLocale();
  try {
    let periodId = typeof sp.period === "string" ? sp.period : null;
    if (!periodId) {
      // No period named: the first that accepts reports, else the latest.
      const periods = await reportablePeriods(ctx, activityId);
      periodId = (periods.find((p) => p.status.acceptsReports) ?? periods.at(-1))?.id ?? null;
    }
    if (!periodId) notFound();
    const report = await getReport(ctx, activityId, periodId);
    return { ctx, tenant, report, reading: readingOf(ctx.tenant, locale) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}): Promise<Metadata> {
  const [{ report }, t] = await Promise.all([load(params, searchParams), getTranslations("progress.page")]);
  return { title: t("title", { code: report.activity.code }) };
}

const box = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

export default async function ReportPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { tenant, report: r, reading } = await load(params, searchParams);
  const [t, format] = await Promise.all([getTranslations("progress"), getFormatter()]);
  const u = r.update;
  const date = (d: Date | null) => (d ? format.dateTime(d, { year: "numeric", month: "long", day: "numeric" }) : "");
  const indicators: ReportIndicator[] = r.indicators.map((i) => ({
    id: i.id,
    label: textOf(i.name, reading),
    unit: i.unit,
    unitLabel: textOf(i.unitLabel, reading),
    valueKind: i.valueKind,
    target: i.target,
    disaggregation: i.disaggregation,
  }));
  const editable = r.actions.includes("save");
  const ownContribution = r.partnerAgencyId
    ? u?.contributions.find((c) => c.agencyId === r.partnerAgencyId)
    : undefined;
  const partnerMayWrite = Boolean(r.partnerAgencyId && u && r.acceptsReports && u.status !== "APPROVED");
  const start = u ?? {
    activityStatus: r.activity.status,
    percentComplete: r.activity.percentComplete,
    achievements: {},
    challenges: {},
    nextSteps: {},
    values: [],
  };
  const activityHref = `/${tenant}/activities/${r.activity.id}`;
  const previous = <PreviousUpdate report={r} indicators={indicators} reading={reading} />;

  return (
    <article className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href={activityHref} className="text-brand-700 hover:underline">
            {t("page.backToActivity")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold break-words">
          <span className="mr-2 font-mono text-slate-700">{r.activity.code}</span>
          <Text value={r.activity.title} reading={reading} />
        </h1>
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-700">{t("page.period")}</dt>
            <dd className="flex flex-col gap-1">
              <span className="font-medium">
                <Text value={r.period.label} reading={reading} />
              </span>
              <PeriodState period={r.period} reading={reading} />
              {r.exceptionUntil && (
                <span>{t("page.exceptionUntil", { day: formatDay(format, r.exceptionUntil, "", "long") })}</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("page.update")}</dt>
            <dd className="flex flex-col gap-1">
              {u ? (
                <>
                  <span>
                    <UpdateStatusBadge status={u.status} />
                  </span>
                  <span>{t("page.writtenBy", { name: u.author ?? t("page.someone"), date: date(u.updatedAt) })}</span>
                  {u.submittedAt && (
                    <span>
                      {t("page.submittedBy", { name: u.submittedBy ?? t("page.someone"), date: date(u.submittedAt) })}
                    </span>
                  )}
                  {u.signedOffAt && (
                    <span>
                      {t("page.signedOffBy", { name: u.signedOffBy ?? t("page.someone"), date: date(u.signedOffAt) })}
                    </span>
                  )}
                  {u.reviewedAt && (
                    <span>
                      {t("page.reviewedBy", { name: u.reviewer ?? t("page.someone"), date: date(u.reviewedAt) })}
                    </span>
                  )}
                </>
              ) : (
                <span>{t("page.noUpdate")}</span>
              )}
            </dd>
          </div>
        </dl>
      </header>

      {u?.status === "RETURNED" && u.reviewComment && (
        <section
          aria-labelledby="returned-title"
          className="rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-amber-950"
        >
          <h2 id="returned-title" className="font-semibold">
            {t("page.returnedTitle")}
          </h2>
          <p className="mt-1 break-words whitespace-pre-line">{u.reviewComment}</p>
          <p className="mt-1 text-sm">
            {t("page.returnedBy", { name: u.reviewer ?? t("page.someone"), date: date(u.reviewedAt) })}
          </p>
        </section>
      )}

      {!r.acceptsReports && (
        <p role="note" className="rounded-md border border-slate-400 bg-slate-100 px-3 py-2 text-sm text-slate-900">
          {t("page.notAccepting", { reason: await periodReason(r.period.status) })}
        </p>
      )}

      {editable ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="flex min-w-0 flex-col gap-4">
            <details className={`${box} lg:hidden`}>
              <summary className="cursor-pointer font-semibold">{previousTitle(r, reading, t)}</summary>
              <div className="mt-3">{previous}</div>
            </details>
            <ReportForm
              tenant={tenant}
              activityId={r.activity.id}
              periodId={r.period.id}
              version={u?.version ?? null}
              values={reportValues(start, indicators)}
              indicators={indicators}
              canSubmit={r.actions.includes("submit")}
            />
            {r.previousApproved && r.actions.includes("submit") && (
              <NoChangeForm
                tenant={tenant}
                activityId={r.activity.id}
                periodId={r.period.id}
                version={u?.version ?? null}
              />
            )}
          </div>
          <aside aria-label={previousTitle(r, reading, t)} className={`${box} hidden min-w-0 lg:block`}>
            <h2 className="mb-2 font-semibold">{previousTitle(r, reading, t)}</h2>
            {previous}
          </aside>
        </div>
      ) : (
        u && (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <section aria-labelledby="current-title" className={`${box} min-w-0`}>
              <h2 id="current-title" className="mb-2 font-semibold">
                {t("page.current")}
              </h2>
              {r.actions.length === 0 && !r.partnerAgencyId && (
                <p className="mb-2 text-sm text-slate-700">{t("page.readOnly")}</p>
              )}
              <UpdateValuesView values={u} indicators={indicators} reading={reading} />
            </section>
            <section aria-labelledby="previous-title" className={`${box} min-w-0`}>
              <h2 id="previous-title" className="mb-2 font-semibold">
                {previousTitle(r, reading, t)}
              </h2>
              {previous}
            </section>
          </div>
        )
      )}

      {u && <ReviewControls tenant={tenant} updateId={u.id} version={u.version} actions={r.actions} />}

      {r.partnerAgencyId &&
        (!u ? (
          <p role="note" className="rounded-md border border-slate-400 bg-slate-100 px-3 py-2 text-sm text-slate-900">
            {t("contribution.noUpdate")}
          </p>
        ) : (
          partnerMayWrite && (
            <ContributionForm
              tenant={tenant}
              activityId={r.activity.id}
              periodId={r.period.id}
              version={ownContribution?.version ?? null}
              note={ownContribution?.note}
            />
          )
        ))}

      {u && u.contributions.length > 0 && (
        <section aria-labelledby="contributions-title" className="flex flex-col gap-2">
          <h2 id="contributions-title" className="text-lg font-semibold">
            {t("contribution.others")}
          </h2>
          <ul className="flex flex-col gap-2">
            {u.contributions.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  {t("contribution.by", {
                    agency: textOf(c.agency.shortName, reading) || textOf(c.agency.name, reading),
                    name: c.author ?? t("page.someone"),
                  })}
                </p>
                <p className="break-words whitespace-pre-line">
                  <Text value={c.note} reading={reading} empty="—" />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {u && (
        <EvidenceList
          tenant={tenant}
          evidence={u.evidence}
          contributions={u.contributions}
          reading={reading}
          removable={(e) =>
            editable || (partnerMayWrite && Boolean(ownContribution) && e.contributionId === ownContribution?.id)
          }
        />
      )}
      {u && <Trail trail={u.trail} />}
    </article>
  );
}

function previousTitle(
  r: ReportContext,
  reading: ReturnType<typeof readingOf>,
  t: (k: string, v?: Record<string, string>) => string,
) {
  return r.previousApproved
    ? t("page.previousTitle", { period: textOf(r.previousApproved.periodLabel, reading) })
    : t("page.noPrevious");
}

async function PreviousUpdate({
  report: r,
  indicators,
  reading,
}: {
  report: ReportContext;
  indicators: ReportIndicator[];
  reading: ReturnType<typeof readingOf>;
}) {
  const [t, format] = await Promise.all([getTranslations("progress.page"), getFormatter()]);
  const p = r.previousApproved;
  if (!p) return <p className="text-sm text-slate-700">{t("noPrevious")}</p>;
  return (
    <div className="flex flex-col gap-2">
      {p.reviewedAt && (
        <p className="text-sm text-slate-700">
          {t("previousApproved", {
            date: format.dateTime(p.reviewedAt, { year: "numeric", month: "long", day: "numeric" }),
          })}
        </p>
      )}
      <UpdateValuesView values={p} indicators={indicators} reading={reading} />
    </div>
  );
}
