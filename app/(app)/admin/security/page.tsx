import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listAllSecurityEvents } from "@/lib/data/security-events";
import { SecurityEventTable } from "@/components/account/security-event-table";
import { AdminNav } from "../_components/admin-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("securityEvents");
  return { title: t("platformTitle") };
}

export default async function PlatformSecurityPage() {
  const user = await requireUser();
  if (!user.isPlatformAdmin) notFound();
  const [events, t] = await Promise.all([listAllSecurityEvents(user), getTranslations("securityEvents")]);
  return (
    <div className="flex flex-col gap-6">
      <AdminNav current="security" />
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">{t("platformTitle")}</h1>
        <p className="text-sm text-slate-700">{t("platformIntro")}</p>
        <SecurityEventTable events={events} />
      </section>
    </div>
  );
}
