import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AgencyKind } from "@/generated/prisma/enums";
import { NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import { roleNeedsAgency } from "@/lib/domain/roles";
import { CONTENT_LANGUAGES, byText, readingOf, toTexts, type Texts } from "@/lib/domain/texts";
import type { TenantContext } from "./context";
import { saveOverVersion, withTenant, type Tx } from "./door";
import { ruleErrorsOf } from "./rule-errors";

export interface AgencyRow {
  id: string;
  name: Texts;
  shortName: Texts;
  kind: AgencyKind;
  archived: boolean;
  version: number;
  leads: number;
  members: number;
}

const agencySelect = {
  id: true,
  name: true,
  shortName: true,
  kind: true,
  archivedAt: true,
  version: true,
  _count: { select: { leadActivities: true, memberships: true } },
} as const;

function toRow(a: Prisma.AgencyGetPayload<{ select: typeof agencySelect }>): AgencyRow {
  return {
    id: a.id,
    name: toTexts(a.name),
    shortName: toTexts(a.shortName),
    kind: a.kind,
    archived: Boolean(a.archivedAt),
    version: a.version,
    leads: a._count.leadActivities,
    members: a._count.memberships,
  };
}

/** The tenant's agencies by name, in the reader's language when `locale` is given (else the tenant's default). */
export async function listAgencies(
  ctx: TenantContext,
  opts: { includeArchived?: boolean; locale?: string } = {},
): Promise<AgencyRow[]> {
  const rows = await withTenant(ctx, "tenant.view", (tx) =>
    tx.agency.findMany({
      where: { tenantId: ctx.tenant.id, ...(opts.includeArchived ? {} : { archivedAt: null }) },
      select: agencySelect,
      orderBy: { id: "asc" },
    }),
  );
  return byText(rows.map(toRow), (a) => a.name, readingOf(ctx.tenant, opts.locale));
}

/**
 * One agency's name: the focal point's own, for the page that tells them their access. Null when
 * the id is not an agency of this tenant (row-level security would hide it anyway).
 */
export async function getAgencyName(ctx: TenantContext, agencyId: string): Promise<Texts | null> {
  const row = await withTenant(ctx, "tenant.view", (tx) =>
    tx.agency.findFirst({ where: { id: agencyId, tenantId: ctx.tenant.id }, select: { name: true } }),
  );
  return row ? toTexts(row.name) : null;
}

export interface AgencyInput {
  name: Texts;
  shortName: Texts;
  kind: AgencyKind;
}

const toData = (input: AgencyInput) => ({
  name: toTexts(input.name),
  shortName: toTexts(input.shortName),
  kind: input.kind,
});

const nameTaken = (lang?: string) =>
  new RuleError("errors.invalidInput", { [lang ? `name.${lang}` : "name"]: { key: "validation.agencyNameTaken" } });

/**
 * Names are unique in a tenant whatever their case and language: no agency may carry a name
 * another one carries in any language (two ministries both called "МВД" in Russian confuse a
 * reader as much as in English). A map has no unique key, so every write of a name first takes a
 * lock on the tenant's agency names (an advisory lock, held until the transaction ends) and then
 * looks: two people saving "UNICEF" and "Unicef" at once take turns, and the second sees the first's row.
 */
async function assertNameFree(tx: Tx, ctx: TenantContext, name: Texts, exceptId?: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`Agency.name:${ctx.tenant.id}`}))`;
  const wanted = toTexts(name);
  const lowered = Object.values(wanted).map((t) => t.toLowerCase());
  if (lowered.length === 0) return;
  const clashes = await tx.$queryRaw<{ text: string }[]>(Prisma.sql`
    SELECT lower(e.value) AS text FROM "Agency" a, jsonb_each_text(a.name) e
    WHERE a."tenantId" = ${ctx.tenant.id} AND a.id <> ${exceptId ?? ""} AND lower(e.value) IN (${Prisma.join(lowered)})
    LIMIT 1`);
  if (clashes.length === 0) return;
  const lang = CONTENT_LANGUAGES.find((l) => wanted[l]?.toLowerCase() === clashes[0].text);
  throw nameTaken(lang);
}

/** For an agency form that failed its schema: whether the name that parsed is free. Reads only. */
export async function agencyRuleErrors(
  ctx: TenantContext,
  fields: { name?: unknown; agencyId?: unknown },
): Promise<Record<string, MessageRef>> {
  if (!fields.name || typeof fields.name !== "object") return {};
  const name = fields.name as Texts;
  const except = typeof fields.agencyId === "string" ? fields.agencyId : undefined;
  return withTenant(ctx, "agencies.manage", (tx) => ruleErrorsOf(() => assertNameFree(tx, ctx, name, except)));
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
    { unique: () => nameTaken() },
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
        before: { name: toTexts(before.name), shortName: toTexts(before.shortName), kind: before.kind },
        after: data,
      });
    },
    { unique: () => nameTaken() },
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
