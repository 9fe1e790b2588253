import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listMyTenants } from "@/lib/data/tenants";
import { Text, readingOf } from "@/components/ui/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenants");
  return { title: t("title") };
}

export default async function TenantChooserPage() {
  const user = await requireUser();
  const tenants = await listMyTenants(user);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t("tenants.title")}</h1>
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
                  <Text value={tenant.name} reading={readingOf(tenant, locale)} />
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
