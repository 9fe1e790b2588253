import "server-only";
import type { AgencyKind } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { roleNeedsAgency, type Role } from "@/lib/domain/roles";
import { requirePermission, type TenantContext } from "./context";
import { recordAudit } from "./audit";

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
  id: true, name: true, names: true, shortName: true, kind: true, archivedAt: true, version: true,
  _count: { select: { leadActivities: true, memberships: true } },
} as const;

function toRow(a: {
  id: string; name: string; names: unknown; shortName: string | null; kind: AgencyKind; archivedAt: Date | null; version: number;
  _count: { leadActivities: number; memberships: number };
}): AgencyRow {
  const names = (a.names ?? {}) as Record<string, string>;
  return {
    id: a.id, name: a.name, nameRu: names.ru ?? null, shortName: a.shortName, kind: a.kind,
    archived: Boolean(a.archivedAt), version: a.version, leads: a._count.leadActivities, members: a._count.memberships,
  };
}

export async function listAgencies(ctx: TenantContext, opts: { includeArchived?: boolean } = {}): Promise<AgencyRow[]> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const rows = await db.agency.findMany({
    where: { tenantId: ctx.tenant.id, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    select: agencySelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toRow);
}

export interface AgencyInput {
  name: string;
  nameRu: string | null;
  shortName: string | null;
  kind: AgencyKind;
}

function toData(input: AgencyInput) {
  return { name: input.name.trim(), names: input.nameRu ? { ru: input.nameRu.trim() } : {}, shortName: input.shortName?.trim() || null, kind: input.kind };
}

async function assertNameFree(ctx: TenantContext, name: string, exceptId?: string): Promise<void> {
  const db = await getDb();
  const clash = await db.agency.findFirst({
    where: { tenantId: ctx.tenant.id, name: { equals: name.trim(), mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new RuleError("errors.invalidInput", { name: { key: "validation.agencyNameTaken" } });
}

export async function createAgency(ctx: TenantContext, input: AgencyInput): Promise<{ id: string }> {
  requirePermission(ctx, "agencies.manage");
  await assertNameFree(ctx, input.name);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const data = toData(input);
    const agency = await tx.agency.create({ data: { tenantId: ctx.tenant.id, ...data }, select: { id: true } });
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "agency.created", entityType: "Agency", entityId: agency.id, after: data });
    return agency;
  });
}

/** Saves only over the version the form was loaded with; otherwise says who won. */
export async function updateAgency(ctx: TenantContext, id: string, version: number, input: AgencyInput): Promise<void> {
  requirePermission(ctx, "agencies.manage");
  await assertNameFree(ctx, input.name, id);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.agency.findFirst({ where: { id, tenantId: ctx.tenant.id }, select: agencySelect });
    if (!before) throw new NotFoundError("agency");
    const data = toData(input);
    const { count } = await tx.agency.updateMany({ where: { id, tenantId: ctx.tenant.id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError({ ...toRow(before) });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: "agency.updated", entityType: "Agency", entityId: id,
      before: { name: before.name, names: before.names, shortName: before.shortName, kind: before.kind }, after: data,
    });
  });
}

/** Agencies are archived, never deleted: activities and history keep pointing at them. */
export async function setAgencyArchived(ctx: TenantContext, id: string, archived: boolean): Promise<void> {
  requirePermission(ctx, "agencies.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.agency.updateMany({
      where: { id, tenantId: ctx.tenant.id },
      data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
    });
    if (count === 0) throw new NotFoundError("agency");
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: archived ? "agency.archived" : "agency.restored", entityType: "Agency", entityId: id });
  });
}

/** Focal points need an agency of this tenant; other roles have none. */
export async function assertAgencyForRole(ctx: TenantContext, role: Role, agencyId: string | null): Promise<string | null> {
  if (!roleNeedsAgency(role)) return null;
  if (!agencyId) throw new RuleError("errors.invalidInput", { agencyId: { key: "validation.agencyRequired" } });
  const db = await getDb();
  const agency = await db.agency.findFirst({ where: { id: agencyId, tenantId: ctx.tenant.id, archivedAt: null }, select: { id: true } });
  if (!agency) throw new RuleError("errors.invalidInput", { agencyId: { key: "validation.agencyRequired" } });
  return agency.id;
}
