import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { listAgencies } from "@/lib/data/agencies";
import { can } from "@/lib/domain/roles";
import { hasText, textOf } from "@/lib/domain/texts";
import { Text, readingOf } from "@/components/ui/text";
import { AgencyForm } from "./_components/agency-form";
import { AgencyActions } from "./_components/agency-actions";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("title") };
}

export default async function AgenciesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const manage = can(ctx.role, "agencies.manage");
  const locale = await getLocale();
  const reading = readingOf(ctx.tenant, locale);
  const [agencies, t, format] = await Promise.all([
    listAgencies(ctx, { includeArchived: manage, locale }),
    getTranslations(),
    getFormatter(),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">{t("agencies.title")}</h1>
      {/* Adding comes first: on a list of thirty agencies it should not be 3,000 px down the page. */}
      {manage && (
        <section className="max-w-xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 className="mb-4 text-lg font-semibold">{t("agencies.createTitle")}</h2>
          <AgencyForm tenant={tenant} />
        </section>
      )}
      <section aria-label={t("agencies.title")}>
        {agencies.length === 0 ? (
          <p className="text-slate-700">{t("agencies.none")}</p>
        ) : (
          <TableScroll label={t("agencies.title")} className="rounded-lg bg-white shadow-sm">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t("agencies.title")}</caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("agencies.name")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("agencies.kind")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("agencies.leads")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("agencies.members")}
                  </th>
                  {manage && (
                    <th scope="col" className="px-3 py-2 text-right">
                      <span className="sr-only">{t("ui.actions.column")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {agencies.map((a) => (
                  <tr
                    key={a.id}
                    className={`border-t border-slate-200 align-top ${a.archived ? "text-slate-600" : ""}`}
                  >
                    <td className="px-3 py-2">
                      <Link href={`/${tenant}/agencies/${a.id}`} className="font-medium text-brand-700 hover:underline">
                        <Text value={a.name} reading={reading} />
                      </Link>
                      {hasText(a.shortName) && (
                        <span className="text-slate-700">
                          {" "}
                          (<Text value={a.shortName} reading={reading} />)
                        </span>
                      )}
                      {a.archived && (
                        <span className="ml-2 rounded border border-slate-400 px-1 text-xs">
                          {t("agencies.archived")}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">{t(`agencyKind.${a.kind}`)}</td>
                    <td className="px-3 py-2 text-right">{format.number(a.leads)}</td>
                    <td className="px-3 py-2 text-right">{format.number(a.members)}</td>
                    {manage && (
                      <td className="px-3 py-2 text-right">
                        <AgencyActions
                          tenant={tenant}
                          label={textOf(a.name, reading)}
                          agency={{
                            id: a.id,
                            version: a.version,
                            name: a.name,
                            shortName: a.shortName,
                            kind: a.kind,
                            archived: a.archived,
                          }}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
