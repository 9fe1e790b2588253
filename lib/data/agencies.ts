import "server-only";
import type { AgencyKind } from "@/generated/prisma/enums";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import { roleNeedsAgency } from "@/lib/domain/roles";
import type { TenantContext } from "./context";
import { saveOverVersion, withTenant, type Tx } from "./door";

export interface AgencyRow {
  id: string;
  name: string;
  nameRu: string | null;
  shortName: string | null;
  kind: AgencyKind;
  archived: boolean;
  version: number;
  leads: number;
  members: number;
}

const agencySelect = {
  id: true,
  name: true,
  names: true,
  shortName: true,
  kind: true,
  archivedAt: true,
  version: true,
  _count: { select: { leadActivities: true, memberships: true } },
} as const;

function toRow(a: {
  id: string;
  name: string;
  names: unknown;
  shortName: string | null;
  kind: AgencyKind;
  archivedAt: Date | null;
  version: number;
  _count: { leadActivities: number; memberships: number };
}): AgencyRow {
  const names = (a.names ?? {}) as Record<string, string>;
  return {
    id: a.id,
    name: a.name,
    nameRu: names.ru ?? null,
    shortName: a.shortName,
    kind: a.kind,
    archived: Boolean(a.archivedAt),
    version: a.version,
    leads: a._count.leadActivities,
    members: a._count.memberships,
  };
}

export async function listAgencies(ctx: TenantContext, opts: { includeArchived?: boolean } = {}): Promise<AgencyRow[]> {
  const rows = await withTenant(ctx, "tenant.view", (tx) =>
    tx.agency.findMany({
      where: { tenantId: ctx.tenant.id, ...(opts.includeArchived ? {} : { archivedAt: null }) },
      select: agencySelect,
      orderBy: { name: "asc" },
    }),
  );
  return rows.map(toRow);
}

export interface AgencyInput {
  name: string;
  nameRu: string | null;
  shortName: string | null;
  kind: AgencyKind;
}

function toData(input: AgencyInput) {
  return {
    name: input.name.trim(),
    names: input.nameRu ? { ru: input.nameRu.trim() } : {},
    shortName: input.shortName?.trim() || null,
    kind: input.kind,
  };
}

const nameTaken = () => new RuleError("errors.invalidInput", { name: { key: "validation.agencyNameTaken" } });

/**
 * Names are unique in a tenant whatever their case. The unique key (tenantId, name) holds only
 * for the exact spelling, so every write of a name first takes a lock on the tenant's agency
 * names (an advisory lock, held until the transaction ends) and then looks: two people saving
 * "UNICEF" and "Unicef" at once take turns, and the second sees the first's row.
 */
async function assertNameFree(tx: Tx, ctx: TenantContext, name: string, exceptId?: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`Agency.name:${ctx.tenant.id}`}))`;
  const clash = await tx.agency.findFirst({
    where: {
      tenantId: ctx.tenant.id,
      name: { equals: name.trim(), mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw nameTaken();
}

export async function createAgency(ctx: TenantContext, input: AgencyInput): Promise<{ id: string }> {
  return withTenant(
    ctx,
    "agencies.manage",
    async (tx, audit) => {
      await assertNameFree(tx, ctx, input.name);
      const data = toData(input);
      const agency = await tx.agency.create({ data: { tenantId: ctx.tenant.id, ...data }, select: { id: true } });
      await audit({ action: "agency.created", entityType: "Agency", entityId: agency.id, after: data });
      return agency;
    },
    { unique: nameTaken },
  );
}

/** Saves only over the version the form was loaded with; otherwise says who won. */
export async function updateAgency(ctx: TenantContext, id: string, version: number, input: AgencyInput): Promise<void> {
  await withTenant(
    ctx,
    "agencies.manage",
    async (tx, audit) => {
      const before = await tx.agency.findFirst({ where: { id, tenantId: ctx.tenant.id }, select: agencySelect });
      if (!before) throw new NotFoundError("agency");
      await assertNameFree(tx, ctx, input.name, id);
      const data = toData(input);
      await saveOverVersion(
        before,
        version,
        (row) => ({ ...toRow(row) }),
        () =>
          tx.agency.updateMany({
            where: { id, tenantId: ctx.tenant.id, version },
            data: { ...data, version: { increment: 1 } },
          }),
      );
      await audit({
        action: "agency.updated",
        entityType: "Agency",
        entityId: id,
        before: { name: before.name, names: before.names, shortName: before.shortName, kind: before.kind },
        after: data,
      });
    },
    { unique: nameTaken },
  );
}

/** Agencies are archived, never deleted: activities and history keep pointing at them. */
export async function setAgencyArchived(ctx: TenantContext, id: string, archived: boolean): Promise<void> {
  await withTenant(ctx, "agencies.manage", async (tx, audit) => {
    const { count } = await tx.agency.updateMany({
      where: { id, tenantId: ctx.tenant.id },
      data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
    });
    if (count === 0) throw new NotFoundError("agency");
    await audit({ action: archived ? "agency.archived" : "agency.restored", entityType: "Agency", entityId: id });
  });
}

/**
 * Focal points need an active agency of this tenant; other roles have none. In the caller's
 * transaction (inviting, changing a role), so the agency is checked where it is used.
 */
export async function assertAgencyForRoleIn(
  tx: Tx,
  ctx: TenantContext,
  role: Role,
  agencyId: string | null,
): Promise<string | null> {
  if (!roleNeedsAgency(role)) return null;
  if (!agencyId) throw new RuleError("errors.invalidInput", { agencyId: { key: "validation.agencyRequired" } });
  const agency = await tx.agency.findFirst({
    where: { id: agencyId, tenantId: ctx.tenant.id, archivedAt: null },
    select: { id: true },
  });
  if (!agency) throw new RuleError("errors.invalidInput", { agencyId: { key: "validation.agencyRequired" } });
  return agency.id;
}

/** The same check in a door of its own, for a caller that has no transaction. */
export async function assertAgencyForRole(
  ctx: TenantContext,
  role: Role,
  agencyId: string | null,
): Promise<string | null> {
  return withTenant(ctx, "tenant.view", (tx) => assertAgencyForRoleIn(tx, ctx, role, agencyId));
}
