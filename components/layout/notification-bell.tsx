import { getTranslations } from "next-intl/server";

/**
 * The bell: a link "Notifications" to the person's notifications in this tenant, with the unread
 * count in text ("Notifications (3)"), so its accessible name says it too; none unread shows no
 * count. The count comes from one query, lib/data/notifications.ts unreadCount(ctx), made by the
 * layout that mounts it.
 */
export async function NotificationBell({ tenant, count }: { tenant: string; count: number }) {
  const t = await getTranslations("notifications");
  return (
    <a
      href={`/${tenant}/notifications`}
      className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-brand-700 underline-offset-2 hover:underline"
    >
      {t("bell")}
      {count > 0 && (
        <span className="rounded-full border border-red-700 bg-red-50 px-1.5 text-xs font-semibold text-red-900">
          {t("bellCount", { count })}
        </span>
      )}
    </a>
  );
}
