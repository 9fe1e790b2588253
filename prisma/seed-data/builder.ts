// Builds every row of the demo in memory (ids made here, so rows can reference each other),
// then inserts them table by table with createMany: about 15 round trips in one transaction.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { addPlan, texts, type TenantContext } from "./plan-rows";
import { addReportingDemo, type DemoFile } from "./reporting";
import type { TenantSpec, UserSpec } from "./types";
import { newId } from "./util";

export interface DemoRows {
  tenants: Prisma.TenantCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  agencies: Prisma.AgencyCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  plans: Prisma.PlanCreateManyInput[];
  sections: Prisma.SectionCreateManyInput[];
  objectives: Prisma.ObjectiveCreateManyInput[];
  activities: Prisma.ActivityCreateManyInput[];
  partners: Prisma.ActivityPartnerCreateManyInput[];
  indicators: Prisma.IndicatorCreateManyInput[];
  periods: Prisma.ReportingPeriodCreateManyInput[];
  updates: Prisma.ProgressUpdateCreateManyInput[];
  values: Prisma.IndicatorValueCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
  exceptions: Prisma.ReportingExceptionCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  audits: Prisma.AuditEventCreateManyInput[];
  /** Evidence bytes, stored through lib/storage before the rows are inserted. */
  files: DemoFile[];
}

export function buildDemo(tenants: TenantSpec[], users: UserSpec[], passwordHash: string, today: Date): DemoRows {
  const rows: DemoRows = {
    tenants: [],
    users: [],
    agencies: [],
    memberships: [],
    plans: [],
    sections: [],
    objectives: [],
    activities: [],
    partners: [],
    indicators: [],
    periods: [],
    updates: [],
    values: [],
    evidence: [],
    exceptions: [],
    notifications: [],
    audits: [],
    files: [],
  };
  const userIds = new Map<string, string>();
  for (const u of users) {
    const id = newId();
    userIds.set(u.email, id);
    rows.users.push({
      id,
      email: u.email,
      name: u.name,
      passwordHash,
      locale: u.locale,
      isPlatformAdmin: u.isPlatformAdmin ?? false,
    });
  }

  for (const t of tenants) {
    const tenantId = newId();
    rows.tenants.push({
      id: tenantId,
      slug: t.slug,
      name: texts(t.name, t.nameRu),
      countryCode: t.countryCode,
      defaultLocale: t.defaultLocale,
      isDemo: true,
    });
    const agencyIds = new Map<string, string>();
    for (const a of t.agencies) {
      const id = newId();
      agencyIds.set(a.key, id);
      rows.agencies.push({
        id,
        tenantId,
        name: texts(a.name, a.ru),
        shortName: texts(a.short, a.shortRu),
        kind: a.kind,
      });
    }

    const byRole = new Map<string, string>();
    const focalPoints = new Map<string, string>();
    for (const u of users) {
      for (const m of u.memberships.filter((x) => x.tenant === t.slug)) {
        const userId = userIds.get(u.email)!;
        const agencyId = m.agency ? agencyIds.get(m.agency) : null;
        if (m.agency && !agencyId) throw new Error(`demo content: unknown agency "${m.agency}" for ${u.email}`);
        // Each demo agency has one focal point, its primary one.
        rows.memberships.push({
          id: newId(),
          tenantId,
          userId,
          role: m.role,
          agencyId,
          primaryFocalPoint: m.role === "FOCAL_POINT",
        });
        if (!byRole.has(m.role)) byRole.set(m.role, userId);
        if (m.role === "FOCAL_POINT" && m.agency) focalPoints.set(m.agency, userId);
      }
    }
    const lead = byRole.get("COORDINATOR") ?? byRole.get("ADMIN") ?? null;
    const ctx: TenantContext = {
      tenantId,
      agencyIds,
      planIds: new Map(),
      reporterId: lead,
      reviewerId: lead,
      focalPoints,
      today,
    };
    const firstActivity = rows.activities.length;
    const firstUpdate = rows.updates.length;
    for (const plan of t.plans) addPlan(rows, ctx, plan);
    rows.files.push(
      ...addReportingDemo(rows, tenantId, {
        today,
        reviewerId: lead,
        firstUpdate,
        focalPointIds: new Set(focalPoints.values()),
      }),
    );

    rows.audits.push({
      tenantId,
      actorKind: "system",
      actorId: null,
      action: "demo.seeded",
      entityType: "Tenant",
      entityId: tenantId,
      after: { slug: t.slug, plans: t.plans.length, activities: rows.activities.length - firstActivity },
      reason: "Illustrative demo data, based on public sources",
    });
  }
  return rows;
}

/** Inserts in dependency order; plans are listed predecessors first. */
export async function insertDemo(tx: Prisma.TransactionClient | PrismaClient, rows: DemoRows): Promise<void> {
  await tx.tenant.createMany({ data: rows.tenants });
  await tx.user.createMany({ data: rows.users });
  await tx.agency.createMany({ data: rows.agencies });
  await tx.membership.createMany({ data: rows.memberships });
  await tx.plan.createMany({ data: rows.plans });
  await tx.section.createMany({ data: rows.sections });
  await tx.objective.createMany({ data: rows.objectives });
  await tx.activity.createMany({ data: rows.activities });
  await tx.activityPartner.createMany({ data: rows.partners });
  await tx.indicator.createMany({ data: rows.indicators });
  await tx.reportingPeriod.createMany({ data: rows.periods });
  await tx.progressUpdate.createMany({ data: rows.updates });
  await tx.indicatorValue.createMany({ data: rows.values });
  await tx.evidence.createMany({ data: rows.evidence });
  await tx.reportingException.createMany({ data: rows.exceptions });
  await tx.notification.createMany({ data: rows.notifications });
  await tx.auditEvent.createMany({ data: rows.audits });
}

export function summarize(rows: DemoRows): string {
  const parts: [number, string][] = [
    [rows.tenants.length, "tenants"],
    [rows.users.length, "users"],
    [rows.agencies.length, "agencies"],
    [rows.plans.length, "plans"],
    [rows.activities.length, "activities"],
    [rows.indicators.length, "indicators"],
    [rows.periods.length, "reporting periods"],
    [rows.updates.length, "progress updates"],
    [rows.values.length, "indicator values"],
    [rows.evidence.length, "evidence files"],
    [rows.notifications.length, "notifications"],
  ];
  return `demo data: ${parts.map(([n, what]) => `${n} ${what}`).join(", ")}`;
}
