import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { unreadCount } from "@/lib/data/notifications";
import { countAwaitingReview } from "@/lib/data/reporting/review";
import { can } from "@/lib/domain/roles";
import { NotificationBell } from "@/components/layout/notification-bell";
import { ReviewNavLink } from "@/components/layout/review-nav-link";
import { ContentLanguages } from "@/components/ui/content-languages";
import { Text, readingOf } from "@/components/ui/text";

// Navigation and the demo label for one tenant. Pages check access themselves as well.
export default async function TenantLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug);
  const reviews = can(ctx.role, "progress.review");
  const [t, locale, unread, waiting] = await Promise.all([
    getTranslations(),
    getLocale(),
    unreadCount(ctx),
    reviews ? countAwaitingReview(ctx) : Promise.resolve(0),
  ]);
  const links = [
    { href: `/${slug}`, label: t("nav.overview") },
    { href: `/${slug}/plans`, label: t("nav.plans") },
    { href: `/${slug}/activities`, label: t("browse.nav.activities") },
    ...(ctx.role === "FOCAL_POINT" ? [{ href: `/${slug}/my-activities`, label: t("browse.nav.myActivities") }] : []),
    ...(ctx.role === "FOCAL_POINT" ? [{ href: `/${slug}/handover`, label: t("handover.title") }] : []),
    { href: `/${slug}/agencies`, label: t("nav.agencies") },
    ...(can(ctx.role, "members.manage") ? [{ href: `/${slug}/members`, label: t("nav.members") }] : []),
    ...(can(ctx.role, "outbox.view") ? [{ href: `/${slug}/outbox`, label: t("outbox.title") }] : []),
    ...(can(ctx.role, "tenant.manage") ? [{ href: `/${slug}/settings`, label: t("nav.settings") }] : []),
  ];
  return (
    <div className="flex flex-col gap-4">
      {ctx.tenant.isDemo && (
        <p className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <strong>{t("demo.label")}</strong> {t("demo.text")}
        </p>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-xl font-semibold">
          <Text value={ctx.tenant.name} reading={readingOf(ctx.tenant, locale)} />
        </p>
        <p className="text-sm text-slate-700">{t("app.yourRole", { role: t(`roles.${ctx.role}`) })}</p>
      </div>
      <nav aria-label={t("nav.label")} className="border-b border-slate-200">
        <ul className="flex flex-wrap items-center gap-x-4 text-sm">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                className="inline-block border-b-2 border-transparent px-1 py-2 text-brand-700 hover:border-brand-600"
              >
                {l.label}
              </Link>
            </li>
          ))}
          {reviews && (
            <li>
              <ReviewNavLink tenant={slug} waiting={waiting} className="px-1 py-2" />
            </li>
          )}
          <li className="ml-auto">
            <NotificationBell tenant={slug} count={unread} />
          </li>
        </ul>
      </nav>
      <ContentLanguages languages={ctx.tenant.contentLanguages}>{children}</ContentLanguages>
    </div>
  );
}
