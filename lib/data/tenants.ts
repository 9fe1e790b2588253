import "server-only";
import { getDb } from "@/lib/db";
import { ForbiddenError, RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/roles";
import type { SessionUser, TenantContext, TenantRef } from "./context";
import { recordAudit } from "./audit";
import { issueInvitation } from "./invitations";

const tenantRefSelect = { id: true, slug: true, name: true, isDemo: true, defaultLocale: true } as const;

export interface MyTenant extends TenantRef {
  role: Role;
}

/** The tenants this person belongs to, for the chooser and the switcher. */
export async function listMyTenants(user: SessionUser): Promise<MyTenant[]> {
  const db = await getDb();
  const rows = await db.membership.findMany({
    where: { userId: user.id },
    select: { role: true, tenant: { select: tenantRefSelect } },
    orderBy: { tenant: { name: "asc" } },
  });
  return rows.map((m) => ({ ...m.tenant, role: m.role }));
}

/**
 * The context for acting in a tenant named by its slug: only from this person's own
 * membership. No membership (or no such tenant) gives null, and pages answer 404.
 */
export async function resolveTenantContext(user: SessionUser, slug: string): Promise<TenantContext | null> {
  const db = await getDb();
  const membership = await db.membership.findFirst({
    where: { userId: user.id, tenant: { slug } },
    select: { role: true, agencyId: true, tenant: { select: tenantRefSelect } },
  });
  if (!membership) return null;
  return { user, tenant: membership.tenant, role: membership.role, agencyId: membership.agencyId };
}

export interface TenantSummary extends TenantRef {
  countryCode: string;
  members: number;
  plans: number;
}

function requirePlatformAdmin(user: SessionUser): void {
  if (!user.isPlatformAdmin) throw new ForbiddenError("platform.admin");
}

/** Every tenant: for platform administrators only. */
export async function listAllTenants(user: SessionUser): Promise<TenantSummary[]> {
  requirePlatformAdmin(user);
  const db = await getDb();
  const rows = await db.tenant.findMany({
    select: { ...tenantRefSelect, countryCode: true, _count: { select: { memberships: true, plans: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, ...t }) => ({ ...t, members: _count.memberships, plans: _count.plans }));
}

export interface CreateTenantInput {
  slug: string;
  name: string;
  countryCode: string;
  defaultLocale: string;
  adminEmail: string;
}

/** A platform administrator creates a tenant and invites its first administrator. */
export async function createTenant(user: SessionUser, input: CreateTenantInput): Promise<{ tenant: TenantRef; invitationToken: string }> {
  requirePlatformAdmin(user);
  const db = await getDb();
  if (await db.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new RuleError("errors.invalidInput", { slug: { key: "validation.slugTaken" } });
  }
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.create({
      data: { slug: input.slug, name: input.name, countryCode: input.countryCode.toUpperCase(), defaultLocale: input.defaultLocale },
      select: tenantRefSelect,
    });
    await recordAudit(tx, { tenantId: tenant.id, actor: user, action: "tenant.created", entityType: "Tenant", entityId: tenant.id, after: input });
    const invitationToken = await issueInvitation(tx, { tenantId: tenant.id, invitedBy: user, email: input.adminEmail, role: "ADMIN", agencyId: null });
    return { tenant, invitationToken };
  });
}
