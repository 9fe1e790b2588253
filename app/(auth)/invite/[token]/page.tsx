import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { unsafeFindInvitation } from "@/lib/data/invitations";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";
import { textOf } from "@/lib/domain/texts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const invitation = await unsafeFindInvitation(token);
  const reading = { locale, languages: invitation?.contentLanguages ?? [] };
  if (!invitation) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-2 text-2xl font-semibold">{t("invite.invalidTitle")}</h1>
        <p className="text-sm text-slate-700">{t("invite.invalidText")}</p>
      </section>
    );
  }
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t("invite.title")}</h1>
      <p className="mb-6 text-sm text-slate-700">
        {t("invite.intro", { tenant: textOf(invitation.tenantName, reading), role: t(`roles.${invitation.role}`) })}
        {invitation.agencyName && <> {t("invite.forAgency", { agency: textOf(invitation.agencyName, reading) })}</>}
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
    </section>
  );
}
