import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { listTenantSecurityEvents } from "@/lib/data/security-events";
import { SecurityEventTable } from "@/components/account/security-event-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("securityTitle") };
}

export default async function TenantSecurityPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant, "members.manage");
  const [events, t] = await Promise.all([listTenantSecurityEvents(ctx), getTranslations()]);
  return (
    <section className="flex flex-col gap-3">
      <Link href={`/${tenant}/members`} className="self-start text-sm text-brand-700 underline underline-offset-2">
        <span aria-hidden="true">← </span>
        {t("securityEvents.backToMembers")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("members.securityTitle")}</h1>
      <p className="text-sm text-slate-700">{t("securityEvents.tenantIntro")}</p>
      <SecurityEventTable events={events} />
    </section>
  );
}
