import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notifications";
import { notificationText } from "@/lib/domain/notification-text";
import { readingOf } from "@/lib/domain/texts";
import { MarkReadButton } from "./_components/mark-read-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

// The person's notifications in this tenant, newest first, each written in the reader's language
// from its kind and payload. Opening one goes through ./[id], which marks it read first; plain
// links (not next/link), so that no prefetch ever marks one read.
export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const [{ tenant }, { page }] = await Promise.all([params, searchParams]);
  const ctx = await requireTenant(tenant);
  const [list, t, format, locale] = await Promise.all([
    listNotifications(ctx, Number(page ?? 1)),
    getTranslations("notifications"),
    getFormatter(),
    getLocale(),
  ]);
  const reading = readingOf(ctx.tenant, locale);
  const formatDay = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const say = (key: string, values: Record<string, string>) => t(key as never, values as never);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">{t("summary", { unread: list.unread, total: list.total })}</p>
        {list.unread > 0 && <MarkReadButton tenant={tenant} />}
      </div>
      {list.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {list.items.map((n) => {
            const unread = !n.readAt;
            return (
              <li
                key={n.id}
                className={`flex flex-col gap-2 rounded-md border px-3 py-2 text-sm ${
                  unread ? "border-l-4 border-brand-700 bg-white font-medium" : "border-slate-200 bg-slate-50"
                }`}
              >
                <p className="flex flex-wrap items-baseline gap-2">
                  <span
                    className={`rounded border px-1.5 text-xs whitespace-nowrap ${
                      unread ? "border-brand-700 text-brand-800" : "border-slate-400 text-slate-700"
                    }`}
                  >
                    {unread ? t("unread") : t("read")}
                  </span>
                  <span className="break-words [overflow-wrap:anywhere]">
                    {notificationText(say, n.kind, n.payload, reading, formatDay)}
                  </span>
                </p>
                <div className="flex flex-wrap items-center gap-3 text-xs font-normal text-slate-700">
                  <span>
                    {t("received", { date: format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  </span>
                  {n.link && (
                    <a
                      href={`/${tenant}/notifications/${n.id}`}
                      className="text-brand-700 underline underline-offset-2"
                    >
                      {t("open")}
                      <span className="sr-only">: {notificationText(say, n.kind, n.payload, reading, formatDay)}</span>
                    </a>
                  )}
                  {unread && <MarkReadButton tenant={tenant} notificationId={n.id} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {list.pages > 1 && (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3 text-sm">
          {list.page > 1 && (
            <a href={`/${tenant}/notifications?page=${list.page - 1}`} className="text-brand-700 underline">
              {t("previous")}
            </a>
          )}
          <span>{t("page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && (
            <a href={`/${tenant}/notifications?page=${list.page + 1}`} className="text-brand-700 underline">
              {t("next")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
