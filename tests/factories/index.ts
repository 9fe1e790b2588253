// Factories: each test makes the small world it needs, with unique names, on the real database.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser, TenantContext, TenantRef } from "@/lib/data/context";
import { resolveTenantContext, toTenantRef } from "@/lib/data/tenants";
import { createInvitation, hashToken } from "@/lib/data/invitations";
import type { ActivityStatus, Role } from "@/lib/domain/enums";

const unique = () => randomBytes(4).toString("hex");
export const TEST_PASSWORD = "correct-horse-battery";
let passwordHash: Promise<string> | undefined;

export async function createTenant(
  overrides: Partial<{ slug: string; name: string; isDemo: boolean; contentLanguages: string[] }> = {},
): Promise<TenantRef> {
  const db = await getDb();
  const id = unique();
  const tenant = await db.tenant.create({
    data: {
      slug: overrides.slug ?? `t-${id}`,
      name: { en: overrides.name ?? `Tenant ${id}` },
      countryCode: "XX",
      isDemo: overrides.isDemo ?? false,
      ...(overrides.contentLanguages ? { contentLanguages: overrides.contentLanguages } : {}),
    },
    select: { id: true, slug: true, name: true, isDemo: true, defaultLocale: true, contentLanguages: true },
  });
  return toTenantRef(tenant);
}

/** An agency named in English (the name the test chose, returned as text for its assertions). */
export async function createAgency(
  tenant: TenantRef,
  overrides: Partial<{ name: string }> = {},
): Promise<{ id: string; name: string }> {
  const db = await getDb();
  const name = overrides.name ?? `Ministry ${unique()}`;
  const agency = await db.agency.create({ data: { tenantId: tenant.id, name: { en: name } }, select: { id: true } });
  return { id: agency.id, name };
}

interface UserOptions {
  tenant?: TenantRef;
  role?: Role;
  agencyId?: string | null;
  email?: string;
  platformAdmin?: boolean;
}

/** A person, optionally a member of one tenant. The password is TEST_PASSWORD. */
export async function createUser(opts: UserOptions = {}): Promise<SessionUser> {
  const db = await getDb();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
    data: {
      email: opts.email ?? `user-${unique()}@example.test`,
      name: `Person ${unique()}`,
      passwordHash: await passwordHash,
      isPlatformAdmin: opts.platformAdmin ?? false,
    },
    select: { id: true, email: true, name: true, locale: true, isPlatformAdmin: true },
  });
  if (opts.tenant) await addMembership(user, opts.tenant, opts.role ?? "VIEWER", opts.agencyId ?? null);
  return user;
}

export async function addMembership(
  user: SessionUser,
  tenant: TenantRef,
  role: Role,
  agencyId: string | null = null,
): Promise<void> {
  const db = await getDb();
  await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role, agencyId } });
}

/** The context the data layer receives, built the way the app builds it. */
export async function ctxFor(user: SessionUser, tenant: TenantRef): Promise<TenantContext> {
  const ctx = await resolveTenantContext(user, tenant.slug);
  if (!ctx) throw new Error(`${user.email} is not a member of ${tenant.slug}`);
  return ctx;
}

/** A tenant with an admin, a coordinator, a focal point (with agency) and a viewer. */
export async function createTenantWithPeople() {
  const tenant = await createTenant();
  const agency = await createAgency(tenant);
  const [admin, coordinator, focal, viewer] = await Promise.all([
    createUser({ tenant, role: "ADMIN" }),
    createUser({ tenant, role: "COORDINATOR" }),
    createUser({ tenant, role: "FOCAL_POINT", agencyId: agency.id }),
    createUser({ tenant, role: "VIEWER" }),
  ]);
  return { tenant, agency, admin, coordinator, focal, viewer };
}

/** A plan with one section, one objective and `activities` activities led by `leadAgencyId`. */
export async function createPlan(
  tenant: TenantRef,
  opts: { activities?: number; leadAgencyId?: string; title?: string } = {},
) {
  const db = await getDb();
  const plan = await db.plan.create({
    data: {
      tenantId: tenant.id,
      title: { en: opts.title ?? `Plan ${unique()}` },
      startDate: new Date("2025-01-01"),
      endDate: new Date("2027-12-31"),
      status: "ACTIVE",
    },
    select: { id: true, title: true },
  });
  const section = await db.section.create({
    data: {
      tenantId: tenant.id,
      planId: plan.id,
      code: "1",
      title: { en: "Prevention" },
      pillar: "PREVENTION",
      position: 1,
    },
    select: { id: true },
  });
  const objective = await db.objective.create({
    data: {
      tenantId: tenant.id,
      planId: plan.id,
      sectionId: section.id,
      code: "1.1",
      title: { en: "Awareness" },
      position: 1,
    },
    select: { id: true },
  });
  const count = opts.activities ?? 2;
  await db.activity.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      tenantId: tenant.id,
      planId: plan.id,
      objectiveId: objective.id,
      code: `1.1.${i + 1}`,
      title: { en: `Activity ${i + 1}` },
      leadAgencyId: opts.leadAgencyId ?? null,
      position: i + 1,
      status: i % 2 === 0 ? ("IN_PROGRESS" as const) : ("COMPLETED" as const),
      plannedEnd: new Date(i % 2 === 0 ? "2025-06-30" : "2026-12-31"),
    })),
  });
  return { ...plan, sectionId: section.id, objectiveId: objective.id };
}

/** One more activity in a plan made by createPlan, with the status and end date a test needs. */
export async function addActivity(
  tenant: TenantRef,
  plan: { id: string; objectiveId: string },
  opts: {
    status?: ActivityStatus;
    plannedEnd?: Date | null;
    archived?: boolean;
    leadAgencyId?: string | null;
    position?: number;
    title?: string;
  } = {},
): Promise<{ id: string }> {
  const db = await getDb();
  return db.activity.create({
    data: {
      tenantId: tenant.id,
      planId: plan.id,
      objectiveId: plan.objectiveId,
      code: `x.${unique()}`,
      title: { en: opts.title ?? `Activity ${unique()}` },
      status: opts.status ?? "NOT_STARTED",
      plannedEnd: opts.plannedEnd ?? null,
      leadAgencyId: opts.leadAgencyId ?? null,
      position: opts.position ?? 100,
      archivedAt: opts.archived ? new Date() : null,
    },
    select: { id: true },
  });
}

/** A pending invitation made through the data layer by this admin context; returns its id and secret token. */
export async function createPendingInvitation(
  ctx: TenantContext,
  input: Partial<{ email: string; role: Role; agencyId: string | null }> = {},
): Promise<{ id: string; token: string; email: string }> {
  const email = input.email ?? `invitee-${unique()}@example.test`;
  const { token } = await createInvitation(ctx, {
    email,
    role: input.role ?? "VIEWER",
    agencyId: input.agencyId ?? null,
  });
  const db = await getDb();
  const { id } = await db.invitation.findUniqueOrThrow({
    where: { tokenHash: hashToken(token) },
    select: { id: true },
  });
  return { id, token, email };
}

/**
 * Every row a tenant owns that the data layer writes, plus its audit trail: two equal snapshots
 * prove that a refused call changed nothing (updatedAt moves on any write).
 */
export async function snapshotTenant(tenant: TenantRef) {
  const db = await getDb();
  const where = { tenantId: tenant.id };
  const orderBy = { id: "asc" } as const;
  const [row, agencies, memberships, invitations, plans, activities, audit, passwordResets] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenant.id } }),
    db.agency.findMany({ where, orderBy }),
    db.membership.findMany({ where, orderBy }),
    db.invitation.findMany({ where, orderBy }),
    db.plan.findMany({ where, orderBy }),
    db.activity.findMany({ where, orderBy }),
    db.auditEvent.findMany({ where, orderBy }),
    db.passwordReset.findMany({ where, orderBy }),
  ]);
  // The figures version is the dashboard cache's key, bumped by every counted change (a test
  // may close the plan between two snapshots on purpose); the rows it summarises are compared.
  const { figuresVersion: _version, ...tenantRow } = row;
  return { row: tenantRow, agencies, memberships, invitations, plans, activities, audit, passwordResets };
}

/** The audit events written about one record, oldest first. */
export async function auditEventsFor(entityId: string) {
  const db = await getDb();
  return db.auditEvent.findMany({
    where: { entityId },
    select: { tenantId: true, actorId: true, action: true, entityType: true, before: true, after: true },
    orderBy: { createdAt: "asc" },
  });
}
