import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { listAgencies } from "@/lib/data/agencies";
import { listPendingInvitations } from "@/lib/data/invitations";
import { listMembers } from "@/lib/data/members";
import { textOf } from "@/lib/domain/texts";
import { readingOf } from "@/components/ui/text";
import { InviteForm } from "./_components/invite-form";
import { MemberRow } from "./_components/member-row";
import { RevokeInvitationButton } from "./_components/revoke-invitation-button";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant, "members.manage");
  const [members, invitations, agencies, t, format, locale] = await Promise.all([
    listMembers(ctx),
    listPendingInvitations(ctx),
    listAgencies(ctx, { locale: ctx.user.locale ?? undefined }),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const reading = readingOf(ctx.tenant, locale);
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: textOf(a.name, reading) }));
  return (
    <div className="flex flex-col gap-8">
      <section>
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">{t("members.title")}</h1>
          <Link href={`/${tenant}/members/security`} className="text-sm text-brand-700 underline underline-offset-2">
            {t("members.securityTitle")}
          </Link>
        </div>
        <TableScroll label={t("members.title")} className="rounded-lg bg-white shadow-sm">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("members.title")}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("members.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("members.email")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("members.roleAndAgency")}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t("members.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow
                  key={`${m.id}-${m.role}-${m.agencyId}`}
                  tenant={tenant}
                  member={{
                    id: m.id,
                    name: m.name,
                    email: m.email,
                    role: m.role,
                    agencyId: m.agencyId,
                    primaryFocalPoint: m.primaryFocalPoint,
                  }}
                  agencies={agencyOptions}
                  isSelf={m.userId === ctx.user.id}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t("members.inviteTitle")}</h2>
        <InviteForm tenant={tenant} agencies={agencyOptions} />
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("members.pendingTitle")}</h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-700">{t("members.noPending")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {invitations.map((i) => (
              <li
                key={i.id}
                className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
              >
                <span className="font-medium">{i.email}</span>
                <span>
                  {t(`roles.${i.role}`)}
                  {i.agencyName ? ` · ${textOf(i.agencyName, reading)}` : ""}
                </span>
                <span className="text-slate-700">
                  {t("members.expires", { date: format.dateTime(i.expiresAt, { dateStyle: "medium" }) })}
                </span>
                <RevokeInvitationButton tenant={tenant} invitationId={i.id} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
