import "server-only";
// In-app notifications: written inside the transaction of the event that causes them (so an
// approval and its "approved" message commit or fail together), read by the bell and its page.
// A dedupe key keeps a scheduled reminder from being written twice for one person.
import type { Prisma } from "@/generated/prisma/client";
import type { NotificationKind, NotificationPayload } from "@/lib/domain/notifications";
import { NotFoundError } from "@/lib/domain/errors";
import type { TenantContext } from "./context";
import { withTenant, type Tx } from "./door";

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

// Reading them: the bell, the page, marking read ----------------------------------------------

/** A notification as the page shows it (its sentence is written there, in the reader's language). */
export interface NotificationView {
  id: string;
  kind: string;
  payload: NotificationPayload;
  /** A path inside the tenant, or null. */
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** A stored payload as a NotificationPayload: known fields of the right shape only. */
export function toPayload(value: unknown): NotificationPayload {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const raw = value as Record<string, unknown>;
  const out: NotificationPayload = {};
  const map = (v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"))
      : undefined;
  const period = map(raw.period);
  const activity = map(raw.activity);
  if (period) out.period = period;
  if (activity) out.activity = activity;
  for (const key of ["activityCode", "comment", "by", "day"] as const) {
    if (typeof raw[key] === "string") out[key] = raw[key];
  }
  return out;
}

const viewSelect = { id: true, kind: true, payload: true, link: true, readAt: true, createdAt: true } as const;

function toView(row: {
  id: string;
  kind: string;
  payload: unknown;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}): NotificationView {
  return { ...row, payload: toPayload(row.payload) };
}

/** The bell: how many of this person's notifications in this tenant are unread. One count. */
export async function unreadCount(ctx: TenantContext): Promise<number> {
  return withTenant(ctx, "tenant.view", (tx) =>
    tx.notification.count({ where: { tenantId: ctx.tenant.id, userId: ctx.user.id, readAt: null } }),
  );
}

/** This person's notifications, newest first, a page at a time (page 1 first). */
export async function listNotifications(
  ctx: TenantContext,
  page = 1,
): Promise<{ items: NotificationView[]; total: number; unread: number; page: number; pages: number }> {
  const current = Math.max(1, Math.floor(page) || 1);
  const where = { tenantId: ctx.tenant.id, userId: ctx.user.id };
  const [rows, total, unread] = await withTenant(ctx, "tenant.view", (tx) =>
    Promise.all([
      tx.notification.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (current - 1) * NOTIFICATIONS_PAGE_SIZE,
        take: NOTIFICATIONS_PAGE_SIZE,
        select: viewSelect,
      }),
      tx.notification.count({ where }),
      tx.notification.count({ where: { ...where, readAt: null } }),
    ]),
  );
  return {
    items: rows.map(toView),
    total,
    unread,
    page: current,
    pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
  };
}

/** Marks this person's notifications read: the ones named, or all. Others' are never touched. */
export async function markRead(ctx: TenantContext, which: readonly string[] | "all"): Promise<number> {
  if (which !== "all" && which.length === 0) return 0;
  const { count } = await withTenant(ctx, "tenant.view", (tx) =>
    tx.notification.updateMany({
      where: {
        tenantId: ctx.tenant.id,
        userId: ctx.user.id,
        readAt: null,
        ...(which === "all" ? {} : { id: { in: [...which] } }),
      },
      data: { readAt: new Date() },
    }),
  );
  return count;
}

/**
 * Opening a notification: marks it read and tells where it leads (a path inside the tenant, or
 * null). Someone else's, or another tenant's, is not found.
 */
export async function openNotification(ctx: TenantContext, id: string): Promise<{ link: string | null }> {
  return withTenant(ctx, "tenant.view", async (tx) => {
    const row = await tx.notification.findFirst({
      where: { id, tenantId: ctx.tenant.id, userId: ctx.user.id },
      select: { link: true, readAt: true },
    });
    if (!row) throw new NotFoundError("notification");
    if (!row.readAt) {
      await tx.notification.updateMany({
        where: { id, tenantId: ctx.tenant.id, userId: ctx.user.id },
        data: { readAt: new Date() },
      });
    }
    return { link: row.link };
  });
}
