import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { getTenantSettings } from "@/lib/data/tenants";
import { SettingsForm } from "./_components/settings-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

/** The tenant's name in each language, its content languages and the agency sign-off: administrators only (others get 404). */
export default async function SettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant, "tenant.manage");
  const [t, settings] = await Promise.all([getTranslations("settings"), getTenantSettings(ctx)]);
  return (
    <section aria-labelledby="settings-title" className="flex max-w-2xl flex-col gap-4">
      <h1 id="settings-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <SettingsForm
          tenant={ctx.tenant.slug}
          name={ctx.tenant.name}
          languages={ctx.tenant.contentLanguages}
          agencySignOff={settings.agencySignOff}
        />
      </div>
    </section>
  );
}
