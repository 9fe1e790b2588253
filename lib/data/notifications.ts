import "server-only";
// In-app notifications: written inside the transaction of the event that causes them (so an
// approval and its "approved" message commit or fail together), read by the bell and its page.
// A dedupe key keeps a scheduled reminder from being written twice for one person.
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationKind, NotificationPayload } from "@/lib/domain/notifications";
import type { Tx } from "./door";

export interface NotificationInput {
  userId: string;
  kind: NotificationKind;
  payload: NotificationPayload;
  /** A path inside the tenant ("/activities/abc/report?period=def"), never a full URL. */
  link: string | null;
  dedupeKey?: string;
}

/** Writes notifications in the caller's door; duplicates (same person, same dedupe key) are skipped. */
export async function notify(tx: Tx, tenantId: string, items: readonly NotificationInput[]): Promise<number> {
  if (items.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: items.map((n) => ({
      tenantId,
      userId: n.userId,
      kind: n.kind,
      payload: n.payload as Prisma.InputJsonObject,
      link: n.link,
      dedupeKey: n.dedupeKey ?? null,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** The tenant's coordinators and administrators: who reviews. */
export async function reviewersOf(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { tenantId, role: { in: ["ADMIN", "COORDINATOR"] } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/**
 * The focal points of an agency: all of them, or its primary ones (falling back to all when it
 * has none marked). An active handover adds the colleague it was handed to.
 */
export async function focalPointsOf(
  tx: Tx,
  tenantId: string,
  agencyId: string,
  opts: { primaryOnly?: boolean; today?: Date } = {},
): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { tenantId, agencyId, role: "FOCAL_POINT" },
    select: { userId: true, primaryFocalPoint: true },
  });
  let chosen = members;
  if (opts.primaryOnly) {
    const primary = members.filter((m) => m.primaryFocalPoint);
    chosen = primary.length ? primary : members;
  }
  const ids = new Set(chosen.map((m) => m.userId));
  const handovers = await tx.handover.findMany({
    where: {
      tenantId,
      agencyId,
      revokedAt: null,
      until: { gte: opts.today ?? new Date() },
      fromUserId: { in: [...ids] },
    },
    select: { toUserId: true },
  });
  for (const h of handovers) ids.add(h.toUserId);
  return [...ids];
}
