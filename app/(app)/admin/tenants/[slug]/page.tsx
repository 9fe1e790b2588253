import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getTenantForPlatform } from "@/lib/data/tenants";
import { CONTENT_LANGUAGE_NAMES, textOf } from "@/lib/domain/texts";
import { readingOf } from "@/components/ui/text";
import { AdminNav } from "../../_components/admin-nav";
import { InviteAdminForm } from "./_components/invite-admin-form";

type Params = Promise<{ slug: string }>;

// The platform administrator is no member of a tenant: its own pages answer 404 to them. This page
// is their way into what they administer: the tenant's facts and its administrators, and an
// invitation for one more.
const load = cache(async (slug: string) => {
  const user = await requireUser();
  if (!user.isPlatformAdmin) notFound();
  const tenant = await getTenantForPlatform(user, slug);
  if (!tenant) notFound();
  return tenant;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tenant = await load((await params).slug);
  return { title: textOf(tenant.name, readingOf(tenant, await getLocale())) };
}

export default async function PlatformTenantPage({ params }: { params: Params }) {
  const tenant = await load((await params).slug);
  const [t, format, locale] = await Promise.all([getTranslations("admin"), getFormatter(), getLocale()]);
  const name = textOf(tenant.name, readingOf(tenant, locale));
  return (
    <div className="flex flex-col gap-6">
      <AdminNav current="tenants" />
      <p className="text-sm">
        <Link href="/admin" className="text-brand-700 hover:underline">
          {t("allTenants")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{name}</h1>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-700">{t("slug")}</dt>
          <dd className="font-mono">/{tenant.slug}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("country")}</dt>
          <dd>{tenant.countryCode}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("contentLanguages")}</dt>
          <dd>{tenant.contentLanguages.map((l) => CONTENT_LANGUAGE_NAMES[l]).join(", ")}</dd>
        </div>
        <div>
          <dt className="text-slate-700">{t("counts")}</dt>
          <dd>{t("countsValue", { members: tenant.members, plans: tenant.plans })}</dd>
        </div>
      </dl>
      <section aria-labelledby="admins-title" className="flex flex-col gap-2">
        <h2 id="admins-title" className="text-lg font-semibold">
          {t("adminsTitle")}
        </h2>
        {tenant.admins.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noAdmins")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {tenant.admins.map((a) => (
              <li key={a.email}>
                {a.name} ·{" "}
                <a href={`mailto:${a.email}`} className="text-brand-700 hover:underline">
                  {a.email}
                </a>
              </li>
            ))}
          </ul>
        )}
        {tenant.pendingAdminInvitations > 0 && (
          <p className="text-sm text-slate-700">
            {t("pendingAdmins", { count: format.number(tenant.pendingAdminInvitations) })}
          </p>
        )}
        <p className="text-sm text-slate-700">{t("noAccessNote")}</p>
      </section>
      <section
        aria-labelledby="invite-admin-title"
        className="max-w-xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      >
        <h2 id="invite-admin-title" className="mb-3 text-lg font-semibold">
          {t("inviteAdminTitle")}
        </h2>
        <InviteAdminForm slug={tenant.slug} />
      </section>
    </div>
  );
}
