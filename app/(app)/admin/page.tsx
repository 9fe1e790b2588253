import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listAllTenants } from "@/lib/data/tenants";
import { AdminNav } from "./_components/admin-nav";
import { CreateTenantForm } from "./_components/create-tenant-form";
import { Text, readingOf } from "@/components/ui/text";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function PlatformAdminPage() {
  const user = await requireUser();
  if (!user.isPlatformAdmin) notFound();
  const tenants = await listAllTenants(user);
  const [t, locale] = await Promise.all([getTranslations("admin"), getLocale()]);
  return (
    <div className="flex flex-col gap-8">
      <AdminNav current="tenants" />
      <section>
        <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
        <TableScroll label={t("tenantsCaption")} className="rounded-lg bg-white shadow-sm">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("tenantsCaption")}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("slug")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("country")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("members")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("plans")}
                </th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((tenant) => (
                <tr key={tenant.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link href={`/admin/tenants/${tenant.slug}`} className="text-brand-700 hover:underline">
                      <Text value={tenant.name} reading={readingOf(tenant, locale)} />
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono">{tenant.slug}</td>
                  <td className="px-3 py-2">{tenant.countryCode}</td>
                  <td className="px-3 py-2 text-right">{tenant.members}</td>
                  <td className="px-3 py-2 text-right">{tenant.plans}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
        <CreateTenantForm />
      </section>
    </div>
  );
}
