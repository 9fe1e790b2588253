// Factories for plans and their structure (sections, objectives), written straight to the
// database, and snapshots that prove a refused call changed nothing.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { TenantRef } from "@/lib/data/context";
import type { PlanInput } from "@/lib/data/plans";
import { parseIsoDay } from "@/lib/domain/day";
import type { Pillar, PlanStatus } from "@/lib/domain/enums";

const unique = () => randomBytes(4).toString("hex");
/** A calendar day as the date columns store it: day("2025-01-31"). */
export const day = parseIsoDay;

/** Valid input for createPlan/updatePlan. */
export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    title: { en: `NAP ${unique()}` },
    description: {},
    startDate: day("2025-01-01"),
    endDate: day("2027-12-31"),
    status: "DRAFT",
    predecessorId: null,
    ...overrides,
  };
}

/** A bare plan (no sections) in the given status. */
export async function createBarePlan(
  tenant: TenantRef,
  opts: { status?: PlanStatus; title?: string; predecessorId?: string } = {},
) {
  const db = await getDb();
  return db.plan.create({
    data: {
      tenantId: tenant.id,
      title: { en: opts.title ?? `Plan ${unique()}` },
      startDate: day("2025-01-01"),
      endDate: day("2027-12-31"),
      status: opts.status ?? "DRAFT",
      predecessorId: opts.predecessorId ?? null,
    },
    select: { id: true, title: true, version: true },
  });
}

export async function addSection(
  tenant: TenantRef,
  planId: string,
  opts: { code?: string; position?: number; pillar?: Pillar | null; archived?: boolean; title?: string } = {},
) {
  const db = await getDb();
  const code = opts.code ?? String(Math.floor(Math.random() * 900) + 100);
  return db.section.create({
    data: {
      tenantId: tenant.id,
      planId,
      code,
      title: { en: opts.title ?? `Section ${code}` },
      pillar: opts.pillar ?? null,
      position: opts.position ?? 50,
      archivedAt: opts.archived ? new Date() : null,
    },
    select: { id: true, code: true, version: true },
  });
}

export async function addObjective(
  tenant: TenantRef,
  where: { planId: string; sectionId: string },
  opts: { code?: string; position?: number; archived?: boolean; title?: string } = {},
) {
  const db = await getDb();
  return db.objective.create({
    data: {
      tenantId: tenant.id,
      planId: where.planId,
      sectionId: where.sectionId,
      code: opts.code ?? `9.${Math.floor(Math.random() * 900) + 100}`,
      title: { en: opts.title ?? `Objective ${unique()}` },
      position: opts.position ?? 50,
      archivedAt: opts.archived ? new Date() : null,
    },
    select: { id: true, code: true, version: true },
  });
}

/** An indicator attached to an objective (history that keeps an objective from being deleted). */
export async function addObjectiveIndicator(tenant: TenantRef, objectiveId: string) {
  const db = await getDb();
  return db.indicator.create({
    data: { tenantId: tenant.id, objectiveId, name: { en: `Indicator ${unique()}` } },
    select: { id: true },
  });
}

/** A reporting period (history that keeps a plan from being deleted). */
export async function addPeriod(tenant: TenantRef, planId: string) {
  const db = await getDb();
  return db.reportingPeriod.create({
    data: {
      tenantId: tenant.id,
      planId,
      label: { en: `P ${unique()}` },
      startDate: day("2025-01-01"),
      endDate: day("2025-03-31"),
      dueDate: day("2025-04-15"),
      opensOn: day("2025-03-31"),
      locksOn: day("2025-04-30"),
    },
    select: { id: true },
  });
}

/** Everything of a tenant that plan and structure changes can touch, with its audit trail. */
export async function snapshotStructure(tenant: TenantRef) {
  const db = await getDb();
  const where = { tenantId: tenant.id };
  const orderBy = { id: "asc" } as const;
  const [plans, sections, objectives, activities, indicators, audit] = await Promise.all([
    db.plan.findMany({ where, orderBy }),
    db.section.findMany({ where, orderBy }),
    db.objective.findMany({ where, orderBy }),
    db.activity.findMany({ where, orderBy }),
    db.indicator.findMany({ where, orderBy }),
    db.auditEvent.findMany({ where, orderBy }),
  ]);
  return { plans, sections, objectives, activities, indicators, audit };
}

/** Ids of an objective's live activities (or a section's objectives, a plan's sections), in display order. */
export async function orderOf(kind: "activity" | "objective" | "section", parentId: string): Promise<string[]> {
  const db = await getDb();
  const orderBy = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
  const select = { id: true };
  const rows =
    kind === "activity"
      ? await db.activity.findMany({ where: { objectiveId: parentId, archivedAt: null }, select, orderBy })
      : kind === "objective"
        ? await db.objective.findMany({ where: { sectionId: parentId, archivedAt: null }, select, orderBy })
        : await db.section.findMany({ where: { planId: parentId, archivedAt: null }, select, orderBy });
  return rows.map((r) => r.id);
}
