import "server-only";
import { recordAudit } from "./audit";
import {
  SECURITY_ACTIONS,
  type ClientInfo,
  type SecurityAction,
  type SecuritySubject,
} from "@/lib/domain/security-events";
import type { SecurityEventRow } from "@/lib/domain/types/security-events";
import { requirePlatformAdmin, type SessionUser, type TenantContext } from "./context";
import { unsafeAsPlatform, withTenant, type Tx } from "./door";

export interface SecurityEventInput {
  action: SecurityAction;
  subject: SecuritySubject;
  /** Who did it: the person themselves, an administrator, or nobody known (a failed sign-in). */
  actor: Pick<SessionUser, "id"> | null;
  client?: ClientInfo;
  /** The tenant whose administrator acted (a reset link); null for the person's own acts. */
  tenantId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Security events are audit events like any other: append-only, in the caller's door's
 * transaction, through recordAudit (which checks the action and its payload, records the
 * actor's kind, and writes without RETURNING: an event about an address with no account is
 * visible to nobody but the platform, AuditEvent_security_write only lets anyone record it).
 */
export async function recordSecurityEvent(tx: Tx, input: SecurityEventInput): Promise<void> {
  const client = input.client ? { ip: input.client.ip, userAgent: input.client.userAgent?.slice(0, 300) ?? null } : {};
  await recordAudit(tx, {
    tenantId: input.tenantId ?? null,
    actor: input.actor,
    action: input.action,
    entityType: input.subject.type,
    entityId: input.subject.id.slice(0, 320),
    activityId: null,
    after: { ...client, ...input.details },
  });
}

const PAGE = 100;
const rowSelect = {
  id: true,
  action: true,
  createdAt: true,
  entityType: true,
  entityId: true,
  after: true,
  actor: { select: { name: true } },
} as const;

type Row = {
  id: string;
  action: string;
  createdAt: Date;
  entityType: string;
  entityId: string;
  after: unknown;
  actor: { name: string } | null;
};

function toRow(r: Row, names: Map<string, string>): SecurityEventRow {
  const { ip, userAgent: _ua, ...details } = (r.after ?? {}) as Record<string, unknown>;
  return {
    id: r.id,
    action: r.action,
    at: r.createdAt,
    subjectType: r.entityType,
    subject: r.entityType === "User" ? (names.get(r.entityId) ?? r.entityId) : r.entityId,
    actorName: r.actor?.name ?? null,
    ip: typeof ip === "string" ? ip : null,
    details,
  };
}

/**
 * A tenant administrator sees the security events of the people who are members of their
 * tenant, and the events their tenant's administrators caused; never sign-in attempts for
 * addresses with no account, nor anyone else's. The database agrees: in the tenant's scope only
 * the members' tenant-less events are visible (AuditEvent_security_members).
 */
export async function listTenantSecurityEvents(ctx: TenantContext): Promise<SecurityEventRow[]> {
  return withTenant(ctx, "members.manage", async (tx) => {
    const members = await tx.membership.findMany({
      where: { tenantId: ctx.tenant.id },
      select: { userId: true, user: { select: { email: true } } },
    });
    const names = new Map(members.map((m) => [m.userId, m.user.email]));
    const rows = await tx.auditEvent.findMany({
      where: {
        action: { in: [...SECURITY_ACTIONS] },
        OR: [
          { tenantId: null, entityType: "User", entityId: { in: [...names.keys()] } },
          { tenantId: ctx.tenant.id, entityType: "User" },
        ],
      },
      select: rowSelect,
      orderBy: { createdAt: "desc" },
      take: PAGE,
    });
    return rows.map((r) => toRow(r, names));
  });
}

/** Every security event, for the platform administrator. */
export async function listAllSecurityEvents(user: SessionUser): Promise<SecurityEventRow[]> {
  requirePlatformAdmin(user);
  return unsafeAsPlatform(
    "the platform administrator reads every tenant's and no tenant's security events",
    { kind: "user", id: user.id },
    async (tx) => {
      const rows = await tx.auditEvent.findMany({
        where: { action: { in: [...SECURITY_ACTIONS] } },
        select: rowSelect,
        orderBy: { createdAt: "desc" },
        take: PAGE,
      });
      const ids = [...new Set(rows.filter((r) => r.entityType === "User").map((r) => r.entityId))];
      const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
      return rows.map((r) => toRow(r, new Map(users.map((u) => [u.id, u.email]))));
    },
  );
}
