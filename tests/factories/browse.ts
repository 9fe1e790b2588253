// Factories for browsing: plans of any size with partners and indicators, approved progress, audit
// events, and a counter of the SQL statements sent to the database (to prove counts stay bounded).
import { randomBytes, randomUUID } from "node:crypto";
import type { IndicatorValueKind } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { activityOfEvent } from "@/lib/domain/audit-actions";
import { parseIsoDay } from "@/lib/domain/day";
import { ACTIVITY_STATUSES, PILLARS, type ActivityStatus, type Pillar, type UpdateStatus } from "@/lib/domain/enums";
import type { TenantRef } from "@/lib/data/context";

const unique = () => randomBytes(4).toString("hex");

export interface LargePlan {
  id: string;
  sectionIds: string[];
  objectiveIds: string[];
  activityIds: string[];
  agencyIds: string[];
  /** Each activity's indicator ids, in the order of activityIds. */
  indicatorIds: string[][];
}

/**
 * A plan of `activities` activities spread over the four pillars (sections 1-4, five objectives
 * each), led in turn by `agencies` agencies, each with two partners and `indicators` indicators
 * (two unless said; their value kinds taken in turn from `indicatorKinds`, else the default).
 * Inserted with createMany, so 1,000 activities take a few statements.
 */
export async function createLargePlan(
  tenant: TenantRef,
  opts: {
    activities: number;
    agencies?: number;
    status?: "ACTIVE" | "DRAFT" | "CLOSED";
    startYear?: number;
    indicators?: number;
    indicatorKinds?: IndicatorValueKind[];
  },
): Promise<LargePlan> {
  const db = await getDb();
  const tenantId = tenant.id;
  const year = opts.startYear ?? 2025;
  const plan = await db.plan.create({
    data: {
      tenantId,
      title: { en: `Plan ${unique()}` },
      startDate: new Date(`${year}-01-01`),
      endDate: new Date(`${year + 3}-12-31`),
      status: opts.status ?? "ACTIVE",
    },
    select: { id: true },
  });
  const agencyIds = Array.from({ length: Math.max(opts.agencies ?? 12, 3) }, () => randomUUID());
  await db.agency.createMany({
    data: agencyIds.map((id, i) => ({
      id,
      tenantId,
      name: { en: `Agency ${i + 1} ${unique()}`, ru: `Ведомство ${i + 1}` },
    })),
  });
  const sectionIds = PILLARS.map(() => randomUUID());
  await db.section.createMany({
    data: PILLARS.map((pillar, i) => ({
      id: sectionIds[i],
      tenantId,
      planId: plan.id,
      code: String(i + 1),
      title: { en: pillar.toLowerCase() },
      pillar,
      position: i + 1,
    })),
  });
  const objectives = sectionIds.flatMap((sectionId, s) =>
    Array.from({ length: 5 }, (_, o) => ({ id: randomUUID(), sectionId, code: `${s + 1}.${o + 1}`, position: o + 1 })),
  );
  await db.objective.createMany({
    data: objectives.map((o) => ({ ...o, tenantId, planId: plan.id, title: { en: `Objective ${o.code}` } })),
  });
  const activities = Array.from({ length: opts.activities }, (_, i) => {
    const objective = objectives[i % objectives.length];
    const n = Math.floor(i / objectives.length) + 1;
    return {
      id: randomUUID(),
      tenantId,
      planId: plan.id,
      objectiveId: objective.id,
      code: `${objective.code}.${n}`,
      position: n,
      title: { en: `Activity ${objective.code}.${n} train officers`, ru: `Мероприятие ${objective.code}.${n}` },
      description: { en: i % 7 === 0 ? "Border guards and labour inspectors" : "Awareness" },
      leadAgencyId: agencyIds[i % agencyIds.length],
      status: ACTIVITY_STATUSES[i % ACTIVITY_STATUSES.length],
      percentComplete: (i * 13) % 101,
      plannedStart: new Date(`${year}-01-01`),
      plannedEnd: new Date(`${year + (i % 3)}-06-30`),
    };
  });
  await db.activity.createMany({ data: activities });
  await db.activityPartner.createMany({
    data: activities.flatMap((a, i) =>
      [1, 2].map((k) => ({ tenantId, activityId: a.id, agencyId: agencyIds[(i + k) % agencyIds.length] })),
    ),
  });
  const indicatorIds = activities.map(() => Array.from({ length: opts.indicators ?? 2 }, () => randomUUID()));
  const kinds = opts.indicatorKinds ?? [];
  const indicators = activities.flatMap((a, i) =>
    indicatorIds[i].map((id, k) => ({
      id,
      tenantId,
      activityId: a.id,
      name: { en: `Indicator ${k + 1} of ${a.code}` },
      baseline: 0,
      target: 100,
      position: k,
      ...(kinds.length ? { valueKind: kinds[k % kinds.length] } : {}),
    })),
  );
  for (let i = 0; i < indicators.length; i += 2000)
    await db.indicator.createMany({ data: indicators.slice(i, i + 2000) });
  return {
    id: plan.id,
    sectionIds,
    objectiveIds: objectives.map((o) => o.id),
    activityIds: activities.map((a) => a.id),
    agencyIds,
    indicatorIds,
  };
}

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

export interface QuarterlyPeriod {
  id: string;
  tenantId: string;
  planId: string;
  label: { en: string; ru: string };
  startDate: Date;
  endDate: Date;
  opensOn: Date;
  dueDate: Date;
  locksOn: Date;
}

/**
 * `count` quarterly reporting periods of a plan from quarter `first.quarter` (1-4) of
 * `first.year` on: each opens two weeks before its end, is due 15 days and locks 30 days after it.
 */
export async function createQuarterlyPeriods(
  tenant: TenantRef,
  planId: string,
  opts: { count: number; first: { year: number; quarter: number } },
): Promise<QuarterlyPeriod[]> {
  const periods = Array.from({ length: opts.count }, (_, p) => {
    const n = opts.first.quarter - 1 + p;
    const year = opts.first.year + Math.floor(n / 4);
    const q = n % 4;
    return {
      id: randomUUID(),
      tenantId: tenant.id,
      planId,
      label: { en: `Q${q + 1} ${year}`, ru: `${q + 1} кв. ${year}` },
      startDate: utcDay(year, q * 3, 1),
      endDate: utcDay(year, q * 3 + 3, 0),
      opensOn: utcDay(year, q * 3 + 3, -14),
      dueDate: utcDay(year, q * 3 + 3, 15),
      locksOn: utcDay(year, q * 3 + 3, 30),
    };
  });
  const db = await getDb();
  await db.reportingPeriod.createMany({ data: periods });
  return periods;
}

/**
 * An approved update of every activity of a large plan in every one of `periods`, with a value
 * for each of its indicators: submitted by `authorId` before the due date, approved by
 * `reviewerId`. Percent complete and the values grow period by period (a cumulative indicator's
 * value is the total so far; read as per period, they are simply that period's figure).
 * Inserted with createMany in chunks: 400 activities x 12 periods x 4 indicators take seconds.
 */
export async function addApprovedHistory(
  tenant: TenantRef,
  plan: Pick<LargePlan, "activityIds" | "indicatorIds">,
  periods: Pick<QuarterlyPeriod, "id" | "dueDate">[],
  opts: { authorId: string; reviewerId: string },
): Promise<{ updates: number; values: number }> {
  const db = await getDb();
  const updates = plan.activityIds.flatMap((activityId, i) =>
    periods.map((period, p) => {
      const percent = Math.min(100, Math.round(((p + 1) / periods.length) * (60 + (i % 41))));
      const submittedAt = new Date(period.dueDate.getTime() - (3 + (i % 5)) * 864e5);
      return {
        id: randomUUID(),
        tenantId: tenant.id,
        activityId,
        periodId: period.id,
        status: "APPROVED" as const,
        activityStatus: percent >= 100 ? ("COMPLETED" as const) : ("IN_PROGRESS" as const),
        percentComplete: percent,
        achievements: { en: `Progress in period ${p + 1}` },
        authorId: opts.authorId,
        submittedById: opts.authorId,
        submittedAt,
        reviewerId: opts.reviewerId,
        reviewedAt: new Date(submittedAt.getTime() + 2 * 864e5),
        indicatorIds: plan.indicatorIds[i],
        step: p,
        row: i,
      };
    }),
  );
  const values = updates.flatMap((u) =>
    u.indicatorIds.map((indicatorId, k) => ({
      tenantId: tenant.id,
      progressUpdateId: u.id,
      indicatorId,
      value: Math.min(100, (u.step + 1) * (2 + ((u.row + k) % 7))),
    })),
  );
  for (let i = 0; i < updates.length; i += 1000)
    await db.progressUpdate.createMany({
      data: updates.slice(i, i + 1000).map(({ indicatorIds: _i, step: _s, row: _r, ...u }) => u),
    });
  for (let i = 0; i < values.length; i += 2000) await db.indicatorValue.createMany({ data: values.slice(i, i + 2000) });
  return { updates: updates.length, values: values.length };
}

/** An indicator of an activity. */
export async function addIndicator(
  tenant: TenantRef,
  activityId: string,
  opts: Partial<{ name: string; archived: boolean; position: number; disaggregation: unknown }> = {},
) {
  const db = await getDb();
  return db.indicator.create({
    data: {
      tenantId: tenant.id,
      activityId,
      name: { en: opts.name ?? `Indicator ${unique()}` },
      unit: "NUMBER",
      unitLabel: { en: "officers trained" },
      baseline: 10,
      baselineYear: 2024,
      target: 200.5,
      targetYear: 2027,
      direction: "INCREASE",
      position: opts.position ?? 0,
      disaggregation: (opts.disaggregation ?? undefined) as never,
      archivedAt: opts.archived ? new Date() : null,
    },
    select: { id: true },
  });
}

/** A progress update of an activity in a new period ending on `periodEnd`, with indicator values. */
export async function addProgressUpdate(
  tenant: TenantRef,
  activity: { id: string; planId: string },
  opts: { periodEnd: string; status: UpdateStatus; values: Record<string, number | null> },
) {
  const db = await getDb();
  const end = parseIsoDay(opts.periodEnd);
  const startDate = new Date(end.getTime() - 90 * 864e5);
  // One period per span of a plan: a second update ending on the same day reports on the same one.
  const period = await db.reportingPeriod.upsert({
    where: {
      tenantId_planId_startDate_endDate: { tenantId: tenant.id, planId: activity.planId, startDate, endDate: end },
    },
    update: {},
    create: {
      tenantId: tenant.id,
      planId: activity.planId,
      label: { en: `P ${opts.periodEnd} ${unique()}` },
      startDate,
      endDate: end,
      dueDate: end,
      opensOn: end,
      locksOn: end,
    },
    select: { id: true, label: true },
  });
  const update = await db.progressUpdate.create({
    data: {
      tenantId: tenant.id,
      activityId: activity.id,
      periodId: period.id,
      status: opts.status,
      activityStatus: "IN_PROGRESS",
      percentComplete: 50,
      reviewedAt: opts.status === "APPROVED" ? new Date() : null,
    },
    select: { id: true },
  });
  await db.indicatorValue.createMany({
    data: Object.entries(opts.values).map(([indicatorId, value]) => ({
      tenantId: tenant.id,
      progressUpdateId: update.id,
      indicatorId,
      value,
    })),
  });
  return { periodLabel: (period.label as { en: string }).en, updateId: update.id };
}

/** An audit event as the data layer writes them, at a chosen time so the order is certain. */
export async function addAuditEvent(
  tenant: TenantRef | null,
  e: {
    actorId?: string | null;
    action: string;
    entityType: string;
    entityId: string;
    before?: object;
    after?: object;
    reason?: string;
    at: Date;
  },
) {
  const db = await getDb();
  return db.auditEvent.create({
    data: {
      tenantId: tenant?.id ?? null,
      actorKind: e.actorId ? "user" : "anonymous",
      actorId: e.actorId ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      activityId: activityOfEvent(e),
      before: e.before as never,
      after: e.after as never,
      reason: e.reason ?? null,
      createdAt: e.at,
    },
    select: { id: true },
  });
}

/**
 * Runs `fn` and counts the SQL statements sent meanwhile, at the driver under Prisma's adapter
 * (PGlite's query/exec, or node-postgres's Client#query), so relation loading Prisma does in
 * extra statements is counted too. Nothing else may query the database while it runs.
 */
export async function countSqlQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = (await import("pg")).default;
  let queries = 0;
  const restore: (() => void)[] = [];
  const patch = (
    proto: object,
    method: string,
    wrap: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
  ) => {
    const target = proto as Record<string, (...args: unknown[]) => unknown>;
    const own = Object.prototype.hasOwnProperty.call(target, method);
    const original = target[method];
    target[method] = wrap(original);
    restore.push(() => (own ? (target[method] = original) : delete target[method]));
  };
  const counted = (original: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      queries++;
      return original.apply(this, args);
    };
  for (const [proto, method] of [
    [PGlite.prototype, "query"],
    [PGlite.prototype, "exec"],
    [pg.Client.prototype, "query"],
  ] as const)
    patch(proto, method, counted);
  // PGlite runs a transaction's BEGIN, its statements and COMMIT through private methods: count
  // those two and each statement sent through the transaction's handle (every door is one).
  type Handle = Record<"query" | "sql" | "exec", (...args: unknown[]) => unknown>;
  patch(
    PGlite.prototype,
    "transaction",
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        const work = args[0] as (tx: Handle) => unknown;
        queries += 2;
        return original.call(this, (tx: Handle) => {
          for (const method of ["query", "sql", "exec"] as const) tx[method] = counted(tx[method].bind(tx));
          return work(tx);
        });
      },
  );
  try {
    return { result: await fn(), queries };
  } finally {
    restore.reverse().forEach((r) => r());
  }
}

export interface SamplePlan {
  id: string;
  /** Activity ids by code. */
  ids: Record<string, string>;
  objectiveIds: Record<string, string>;
}

/**
 * A small plan whose every activity differs in one way the list filters tell apart:
 *   1.1.1  lead `lead`, partner `partner`, IN_PROGRESS 40%, ends 2026-01-31  (overdue on 2026-06-15)
 *   1.1.2  lead `partner`, COMPLETED 100%, ends 2026-01-31, Russian title     (done: not overdue)
 *   1.1.10 lead `lead`, NOT_STARTED 0%, no end, "hotline" only in its description
 *   1.2.1  lead `other`, partners `lead` and `partner`, DELAYED 20%, ends 2026-06-14 (overdue by a day)
 *   2.1.1  (Protection) no lead, CANCELLED 10%, ends 2026-01-31, a "%" in its title
 *   2.1.2  archived: never listed
 */
export async function createSamplePlan(
  tenant: TenantRef,
  agencies: { lead: string; partner: string; other: string },
  opts: { status?: "ACTIVE" | "DRAFT" | "CLOSED"; startYear?: number } = {},
): Promise<SamplePlan> {
  const db = await getDb();
  const tenantId = tenant.id;
  const year = opts.startYear ?? 2025;
  const plan = await db.plan.create({
    data: {
      tenantId,
      title: { en: `Sample plan ${unique()}`, ru: "Национальный план" },
      startDate: new Date(`${year}-01-01`),
      endDate: new Date(`${year + 2}-12-31`),
      status: opts.status ?? "ACTIVE",
    },
    select: { id: true },
  });
  const sec = async (code: string, pillar: Pillar, position: number) =>
    (
      await db.section.create({
        data: { tenantId, planId: plan.id, code, title: { en: pillar.toLowerCase() }, pillar, position },
        select: { id: true },
      })
    ).id;
  const [prevention, protection] = [await sec("1", "PREVENTION", 1), await sec("2", "PROTECTION", 2)];
  const obj = async (code: string, sectionId: string, position: number) =>
    (
      await db.objective.create({
        data: {
          tenantId,
          planId: plan.id,
          sectionId,
          code,
          title: { en: `Objective ${code}`, ru: `Задача ${code}` },
          position,
        },
        select: { id: true },
      })
    ).id;
  const objectiveIds = {
    "1.1": await obj("1.1", prevention, 1),
    "1.2": await obj("1.2", prevention, 2),
    "2.1": await obj("2.1", protection, 1),
  };
  const end = (iso: string | null) => (iso ? parseIsoDay(iso) : null);
  const specs = [
    {
      code: "1.1.1",
      o: "1.1",
      title: "Train border guards",
      lead: agencies.lead,
      status: "IN_PROGRESS",
      pct: 40,
      end: "2026-01-31",
      partners: [agencies.partner],
    },
    {
      code: "1.1.2",
      o: "1.1",
      title: "Awareness campaign",
      ru: "Информационная кампания",
      lead: agencies.partner,
      status: "COMPLETED",
      pct: 100,
      end: "2026-01-31",
      partners: [],
    },
    {
      code: "1.1.10",
      o: "1.1",
      title: "Help line",
      description: "A national hotline for victims",
      lead: agencies.lead,
      status: "NOT_STARTED",
      pct: 0,
      end: null,
      partners: [],
    },
    {
      code: "1.2.1",
      o: "1.2",
      title: "Labour inspections",
      lead: agencies.other,
      status: "DELAYED",
      pct: 20,
      end: "2026-06-14",
      partners: [agencies.partner, agencies.lead],
    },
    {
      code: "2.1.1",
      o: "2.1",
      title: "Shelters 50% funded",
      lead: null,
      status: "CANCELLED",
      pct: 10,
      end: "2026-01-31",
      partners: [],
    },
    {
      code: "2.1.2",
      o: "2.1",
      title: "Archived border work",
      lead: agencies.lead,
      status: "IN_PROGRESS",
      pct: 5,
      end: "2026-01-31",
      partners: [],
      archived: true,
    },
  ] as const;
  const ids: Record<string, string> = {};
  for (const [i, s] of specs.entries()) {
    const a = await db.activity.create({
      data: {
        tenantId,
        planId: plan.id,
        objectiveId: objectiveIds[s.o],
        code: s.code,
        title: { en: s.title, ...("ru" in s ? { ru: s.ru } : {}) },
        description: "description" in s ? { en: s.description } : {},
        leadAgencyId: s.lead,
        status: s.status as ActivityStatus,
        percentComplete: s.pct,
        plannedEnd: end(s.end),
        position: i + 1,
        archivedAt: "archived" in s ? new Date() : null,
      },
      select: { id: true },
    });
    await db.activityPartner.createMany({
      data: s.partners.map((agencyId) => ({ tenantId, activityId: a.id, agencyId })),
    });
    ids[s.code] = a.id;
  }
  return { id: plan.id, ids, objectiveIds };
}
