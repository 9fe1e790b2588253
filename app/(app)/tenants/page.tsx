import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { countryOverview } from "@/lib/data/dashboard/overview";
import { listMyTenants } from "@/lib/data/tenants";
import { Text, readingOf } from "@/components/ui/text";
import { CountryOverviewTable, overviewSummary } from "./_components/country-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenants");
  return { title: t("title") };
}

export default async function TenantChooserPage() {
  const user = await requireUser();
  const [tenants, t, locale] = await Promise.all([listMyTenants(user), getTranslations(), getLocale()]);
  const readings = Object.fromEntries(tenants.map((tenant) => [tenant.slug, readingOf(tenant, locale)]));
  // People in several countries (IOM and partner staff) compare them first; with one, nothing to compare.
  const overview = tenants.length >= 2 ? await countryOverview(user, { locale }) : null;
  const summary = overview ? await overviewSummary(overview, readings) : null;
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t("tenants.title")}</h1>
      {overview && (
        <section aria-labelledby="across-countries" className="mb-8">
          <h2 id="across-countries" className="mb-1 text-xl font-semibold">
            {t("tenants.overview.title")}
          </h2>
          <p className="mb-3 text-slate-700">{summary}</p>
          <CountryOverviewTable rows={overview} readings={readings} />
        </section>
      )}
      {overview && <h2 className="mb-3 text-xl font-semibold">{t("tenants.yours")}</h2>}
      {tenants.length === 0 ? (
        <p className="text-slate-700">{t("tenants.none")}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {tenants.map((tenant) => (
            <li key={tenant.slug}>
              <Link
                href={`/${tenant.slug}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
              >
                <span className="block text-lg font-medium text-brand-800">
                  <Text value={tenant.name} reading={readings[tenant.slug]} />
                </span>
                <span className="text-sm text-slate-700">{t(`roles.${tenant.role}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
