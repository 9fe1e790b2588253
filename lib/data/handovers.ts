import "server-only";
// Handovers: a focal point hands their agency's activities to a colleague of the same agency
// until a day (leave, rotation). While it is active the colleague gets the agency's reminders and
// may sign off in their place (lib/data/notifications.ts focalPointsOf adds them). Audited; the
// colleague is told ("handover.received").
import { isIsoDay, parseIsoDay, toIsoDay } from "@/lib/domain/day";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/roles";
import type { TenantContext } from "./context";
import { withTenant } from "./door";
import { notify } from "./notifications";
import { todayOf } from "./reporting/shared";

export interface HandoverView {
  id: string;
  agencyId: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** "YYYY-MM-DD", inclusive. */
  until: string;
  /** The person may end it: theirs, handed to them, or they manage members. */
  canRevoke: boolean;
}

/**
 * The active handovers the person should see: a focal point, their agency's; coordinators and
 * administrators, the tenant's; others none.
 */
export async function listHandovers(ctx: TenantContext, opts: { today?: Date } = {}): Promise<HandoverView[]> {
  const today = todayOf(opts.today);
  const seesAll = can(ctx.role, "periods.manage");
  if (!seesAll && !(ctx.role === "FOCAL_POINT" && ctx.agencyId)) return [];
  const rows = await withTenant(ctx, "tenant.view", (tx) =>
    tx.handover.findMany({
      where: {
        tenantId: ctx.tenant.id,
        revokedAt: null,
        until: { gte: today },
        ...(seesAll ? {} : { agencyId: ctx.agencyId! }),
      },
      orderBy: [{ until: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        agencyId: true,
        until: true,
        fromUser: { select: { id: true, name: true } },
        toUser: { select: { id: true, name: true } },
      },
    }),
  );
  return rows.map((h) => ({
    id: h.id,
    agencyId: h.agencyId,
    from: h.fromUser,
    to: h.toUser,
    until: toIsoDay(h.until),
    canRevoke: h.fromUser.id === ctx.user.id || h.toUser.id === ctx.user.id || can(ctx.role, "members.manage"),
  }));
}

/** The other focal points of the person's agency: whom they may hand over to. */
export async function listColleagues(ctx: TenantContext): Promise<{ id: string; name: string }[]> {
  if (ctx.role !== "FOCAL_POINT" || !ctx.agencyId) return [];
  const rows = await withTenant(ctx, "progress.report", (tx) =>
    tx.membership.findMany({
      where: { tenantId: ctx.tenant.id, agencyId: ctx.agencyId, role: "FOCAL_POINT", NOT: { userId: ctx.user.id } },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  );
  return rows.map((r) => r.user);
}

/** Hands the person's agency's activities to `toUserId` until `until` (inclusive). */
export async function createHandover(
  ctx: TenantContext,
  input: { toUserId: string; until: string },
  opts: { today?: Date } = {},
): Promise<{ id: string }> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.report", async (tx, audit) => {
    if (ctx.role !== "FOCAL_POINT" || !ctx.agencyId) throw new ForbiddenError("handover.create");
    if (input.toUserId === ctx.user.id)
      throw new RuleError("handover.errors.self", { toUserId: { key: "handover.errors.self" } });
    if (!isIsoDay(input.until) || parseIsoDay(input.until) < today)
      throw new RuleError("handover.errors.untilPast", { until: { key: "handover.errors.untilPast" } });
    const colleague = await tx.membership.findFirst({
      where: { tenantId: ctx.tenant.id, userId: input.toUserId, agencyId: ctx.agencyId, role: "FOCAL_POINT" },
      select: { userId: true },
    });
    if (!colleague)
      throw new RuleError("handover.errors.notColleague", { toUserId: { key: "handover.errors.notColleague" } });
    const until = parseIsoDay(input.until);
    const existing = await tx.handover.findFirst({
      where: {
        tenantId: ctx.tenant.id,
        fromUserId: ctx.user.id,
        toUserId: input.toUserId,
        revokedAt: null,
        until: { gte: today },
      },
      select: { id: true },
    });
    if (existing) throw new RuleError("handover.errors.exists", { toUserId: { key: "handover.errors.exists" } });
    const row = await tx.handover.create({
      data: {
        tenantId: ctx.tenant.id,
        agencyId: ctx.agencyId,
        fromUserId: ctx.user.id,
        toUserId: input.toUserId,
        until,
      },
      select: { id: true },
    });
    const snapshot = { agencyId: ctx.agencyId, fromUserId: ctx.user.id, toUserId: input.toUserId, until: input.until };
    await audit({ action: "handover.created", entityType: "Handover", entityId: row.id, after: snapshot });
    await notify(tx, ctx.tenant.id, [
      {
        userId: input.toUserId,
        kind: "handover.received",
        payload: { by: ctx.user.name, day: input.until },
        link: "/handover",
      },
    ]);
    return row;
  });
}

/** Ends a handover early: its giver, its recipient, or an administrator. */
export async function revokeHandover(ctx: TenantContext, handoverId: string): Promise<void> {
  await withTenant(ctx, "tenant.view", async (tx, audit) => {
    const row = await tx.handover.findFirst({
      where: { id: handoverId, tenantId: ctx.tenant.id, revokedAt: null },
      select: { agencyId: true, fromUserId: true, toUserId: true, until: true },
    });
    if (!row) throw new NotFoundError("handover");
    const involved = row.fromUserId === ctx.user.id || row.toUserId === ctx.user.id;
    if (!involved && !can(ctx.role, "members.manage")) throw new ForbiddenError("handover.revoke");
    await tx.handover.updateMany({
      where: { id: handoverId, tenantId: ctx.tenant.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit({
      action: "handover.revoked",
      entityType: "Handover",
      entityId: handoverId,
      before: {
        agencyId: row.agencyId,
        fromUserId: row.fromUserId,
        toUserId: row.toUserId,
        until: toIsoDay(row.until),
      },
    });
  });
}
