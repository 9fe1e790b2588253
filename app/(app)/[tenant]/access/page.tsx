import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { getAgencyName } from "@/lib/data/agencies";
import type { Role } from "@/lib/domain/enums";
import { can, permissionsOf, type Permission } from "@/lib/domain/roles";
import { textOf } from "@/lib/domain/texts";
import { Text, readingOf } from "@/components/ui/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access");
  return { title: t("title") };
}

/** The sentence that says what a permission lets this role do ("access.may.<permission>"). */
function sentenceKey(role: Role, permission: Permission): string {
  // A focal point reports only for their own agency: say so rather than "any activity".
  if (permission === "progress.report" && role === "FOCAL_POINT") return "may.progress.reportForAgency";
  return `may.${permission}`;
}

// "Your access": who the signed-in person is in this tenant and what their role may do, in words
// derived from the permission table. It reads the session and the membership (requireTenant) and
// nothing else, but a focal point's agency name: the bare page the dashboard is benchmarked
// against (docs/performance.md, bench:dashboard).
export default async function AccessPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const focal = ctx.role === "FOCAL_POINT";
  const [t, tAll, locale, agency] = await Promise.all([
    getTranslations("access"),
    getTranslations(),
    getLocale(),
    focal && ctx.agencyId ? getAgencyName(ctx, ctx.agencyId) : Promise.resolve(null),
  ]);
  const reading = readingOf(ctx.tenant, locale);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro", { tenant: textOf(ctx.tenant.name, reading) })}</p>
      </div>
      <section aria-labelledby="access-who" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="access-who" className="mb-3 text-lg font-semibold">
          {t("who")}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-700">{t("name")}</dt>
            <dd className="font-medium">{ctx.user.name}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("email")}</dt>
            <dd className="break-all">{ctx.user.email}</dd>
          </div>
          <div>
            <dt className="text-slate-700">{t("role")}</dt>
            <dd className="font-medium">{tAll(`roles.${ctx.role}`)}</dd>
          </div>
          {focal && (
            <div>
              <dt className="text-slate-700">{t("agency")}</dt>
              <dd>{agency ? <Text value={agency} reading={reading} /> : t("noAgency")}</dd>
            </div>
          )}
        </dl>
      </section>
      <section aria-labelledby="access-may" className="flex flex-col gap-2">
        <h2 id="access-may" className="text-lg font-semibold">
          {t("mayTitle")}
        </h2>
        <ul className="list-disc pl-6 text-sm text-slate-800">
          {permissionsOf(ctx.role).map((p) => (
            <li key={p}>{t(sentenceKey(ctx.role, p))}</li>
          ))}
        </ul>
      </section>
      <p className="text-sm text-slate-700">
        {can(ctx.role, "members.manage") ? (
          <Link href={`/${tenant}/members`} className="text-brand-700 hover:underline">
            {t("manageMembers")}
          </Link>
        ) : (
          t("change")
        )}
      </p>
    </div>
  );
}
