import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { requireTenant } from "@/lib/auth/session";
import { openNotification } from "@/lib/data/notifications";
import { NotFoundError } from "@/lib/domain/errors";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { appUrl } from "@/lib/server/app-url";

// Opening a notification (from its page or from the daily email): mark it read, then go where it
// leads, a path inside this tenant. A signed-out person signs in first and comes back here.
// Only a same-origin path inside the tenant is followed; anything else lands on the list.
export default async function OpenNotificationPage({
  params,
}: {
  params: Promise<{ tenant: string; id: string }>;
}): Promise<ReactNode> {
  const { tenant, id } = await params;
  const ctx = await requireTenant(tenant);
  let link: string | null;
  try {
    ({ link } = await openNotification(ctx, id));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const list = `/${ctx.tenant.slug}/notifications`;
  const inside = link && /^\/(?![/\\])/.test(link);
  const target = inside ? safeRedirectPath(`/${ctx.tenant.slug}${link}`, appUrl().origin, list) : list;
  redirect(target.startsWith(`/${ctx.tenant.slug}/`) ? target : list);
}
