import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { Text, readingOf } from "@/components/ui/text";
import { getAgencyOverview } from "@/lib/data/activity-queries";
import { NotFoundError } from "@/lib/domain/errors";
import { PlanGroups } from "@/components/browse/plan-groups";
import { StatusCountsTable } from "./_components/status-counts-table";
import { CONTENT_LANGUAGE_NAMES, shownText, textOf, type ContentLanguage } from "@/lib/domain/texts";

type Params = Promise<{ tenant: string; agencyId: string }>;

// Cached per request: the metadata and the page share one load.
const load = cache(async (tenant: string, agencyId: string) => {
  const ctx = await requireTenant(tenant);
  const locale = await getLocale();
  try {
    return { overview: await getAgencyOverview(ctx, agencyId, { locale }), reading: readingOf(ctx.tenant, locale) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, agencyId } = await params;
  const { overview, reading } = await load(tenant, agencyId);
  return { title: textOf(overview.agency.name, reading) };
}

export default async function AgencyPage({ params }: { params: Params }) {
  const { tenant, agencyId } = await params;
  const [{ overview, reading }, t, tAll] = await Promise.all([
    load(tenant, agencyId),
    getTranslations("agencyPage"),
    getTranslations(),
  ]);
  const { agency } = overview;
  const name = textOf(agency.name, reading);
  // The name in the languages the heading does not show: a reader may know the agency by another.
  const shownLang = shownText(agency.name, reading)?.lang;
  const otherNames = (Object.entries(agency.name) as [ContentLanguage, string][]).filter(
    ([lang]) => lang !== shownLang,
  );
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href={`/${tenant}/agencies`} className="text-brand-700 hover:underline">
            {t("allAgencies")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          <Text value={agency.name} reading={reading} />
          {textOf(agency.shortName, reading) && (
            <span className="ml-2 text-lg font-normal text-slate-700">
              (<Text value={agency.shortName} reading={reading} />)
            </span>
          )}
        </h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1">
            <dt className="text-slate-700">{t("kind")}:</dt>
            <dd>{tAll(`agencyKind.${agency.kind}`)}</dd>
          </div>
          {otherNames.map(([lang, text]) => (
            <div key={lang} className="flex gap-1">
              <dt className="text-slate-700">{t("nameIn", { language: CONTENT_LANGUAGE_NAMES[lang] })}:</dt>
              <dd lang={lang}>{text}</dd>
            </div>
          ))}
        </dl>
        {agency.archived && (
          <p role="note" className="rounded-md border border-slate-400 bg-slate-100 px-3 py-2 text-sm text-slate-800">
            {t("archived")}
          </p>
        )}
      </header>
      {overview.plans.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <>
          <section aria-labelledby="counts-title" className="flex flex-col gap-2">
            <h2 id="counts-title" className="text-lg font-semibold">
              {t("countsTitle")}
            </h2>
            <StatusCountsTable tenant={tenant} overview={overview} agencyName={name} reading={reading} />
          </section>
          <section aria-labelledby="activities-title" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="activities-title" className="text-lg font-semibold">
                {t("activitiesTitle")}
              </h2>
              <Link
                href={`/${tenant}/activities?agency=${agency.id}`}
                className="text-sm text-brand-700 hover:underline"
              >
                {t("inList")}
              </Link>
            </div>
            <PlanGroups
              tenant={tenant}
              groups={overview.plans}
              reading={reading}
              caption={(plan) => t("planCaption", { agency: name, plan })}
            />
          </section>
        </>
      )}
    </article>
  );
}
