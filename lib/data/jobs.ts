import "server-only";
// The daily job: lock the periods whose lock day has come, remind the focal points who have not
// reported, write each person's digest to the outbox, and audit the run for every tenant, all as
// the system actor in one transaction. The job's row in JobSchedule is claimed FOR UPDATE SKIP
// LOCKED, so when two runners start it at once the second finds it taken and does nothing; its
// lastRunOn makes a second run on the same day do nothing either. Reminders carry a dedupe key
// (one per person per period and kind) and digests one per person per day, so even a run that
// were repeated would write nothing twice.
import { toIsoDay } from "@/lib/domain/day";
import type { NotificationKind } from "@/lib/domain/notifications";
import { periodStatus } from "@/lib/domain/periods";
import { toTexts } from "@/lib/domain/texts";
import { composeDigest } from "@/lib/jobs/digest";
import { unsafeAsSystem, type SystemAudit, type Tx } from "./door";
import { focalPointsOf, notify, toPayload, type NotificationInput } from "./notifications";
import { writeOutbox, type OutboxInput } from "./outbox";
import { periodSelect } from "./reporting/shared";

export const DAILY_JOB = "daily";

export interface DailyCounts {
  locked: number;
  reminders: number;
  digests: number;
}

export interface DailyResult {
  day: string;
  /** Per tenant id. */
  tenants: Record<string, DailyCounts>;
}

/** Updates that count as reported: anything past a draft or a return. */
const REPORTED = ["SUBMITTED", "SIGNED_OFF", "APPROVED"] as const;

const REMINDER_OF: Partial<Record<string, NotificationKind>> = {
  OPEN: "period.opened",
  DUE_SOON: "period.dueSoon",
  OVERDUE: "period.overdue",
};

export interface DailyOptions {
  /** The moment of the run (default now): what digests and locks record. */
  now?: Date;
  /** The schedule row's name (default "daily"). */
  job?: string;
  /** Only these tenants (tests share one database with other tests' tenants). Default: all. */
  tenantIds?: readonly string[];
}

type Scope = { tenantId?: { in: string[] } };
type Counts = Map<string, DailyCounts>;
const bump = (counts: Counts, tenantId: string, key: keyof DailyCounts, by = 1) => {
  const c = counts.get(tenantId) ?? { locked: 0, reminders: 0, digests: 0 };
  c[key] += by;
  counts.set(tenantId, c);
};

/**
 * Runs the daily job for `today` (midnight UTC) unless it ran that day or another runner holds
 * it now; null then. A failure rolls the whole run back and is recorded in lastError.
 */
export async function unsafeRunDailyJob(today: Date, opts: DailyOptions = {}): Promise<DailyResult | null> {
  const day = toIsoDay(today);
  const now = opts.now ?? new Date();
  const job = opts.job ?? DAILY_JOB;
  const only: Scope = opts.tenantIds ? { tenantId: { in: [...opts.tenantIds] } } : {};
  await unsafeAsSystem(
    "the daily job makes sure its schedule row exists",
    (tx) => tx.$executeRaw`INSERT INTO "JobSchedule" ("name") VALUES (${job}) ON CONFLICT ("name") DO NOTHING`,
  );
  try {
    return await unsafeAsSystem(
      "the daily job locks, reminds and writes digests for every tenant",
      async (tx, audit) => {
        const [row] = await tx.$queryRaw<{ lastRunOn: string | null }[]>`
          SELECT "lastRunOn"::text AS "lastRunOn" FROM "JobSchedule"
          WHERE "name" = ${job} FOR UPDATE SKIP LOCKED`;
        if (!row) return null; // another runner is at it right now
        if (row.lastRunOn && row.lastRunOn >= day) return null; // done today
        const counts: Counts = new Map();
        await lockDuePeriods(tx, audit, today, counts, only);
        await remind(tx, today, counts, only);
        await writeDigests(tx, day, now, counts, only);
        const tenants = await tx.tenant.findMany({
          where: opts.tenantIds ? { id: { in: [...opts.tenantIds] } } : {},
          select: { id: true },
          orderBy: { id: "asc" },
        });
        for (const t of tenants) {
          const c = counts.get(t.id) ?? { locked: 0, reminders: 0, digests: 0 };
          await audit({
            tenantId: t.id,
            action: "job.ran",
            entityType: "Job",
            entityId: job,
            after: { job, day, counts: { ...c } },
          });
        }
        await tx.jobSchedule.update({
          where: { name: job },
          data: { lastRunOn: today, lastRunAt: now, lastError: null },
        });
        return { day, tenants: Object.fromEntries(counts) };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
    await unsafeAsSystem("the daily job records why it failed", (tx) =>
      tx.jobSchedule.update({ where: { name: job }, data: { lastError: what.slice(0, 500) } }),
    ).catch(() => undefined);
    throw error;
  }
}

/** Periods whose lock day has come and that nobody closed: the lock is recorded (closedAt) and audited. */
async function lockDuePeriods(tx: Tx, audit: SystemAudit, today: Date, counts: Counts, only: Scope): Promise<void> {
  const due = await tx.reportingPeriod.findMany({
    where: {
      ...only,
      closedAt: null,
      locksOn: { lte: today },
      OR: [{ reopenedUntil: null }, { reopenedUntil: { lt: today } }],
    },
    select: { id: true, tenantId: true, locksOn: true },
  });
  for (const p of due) {
    // closedAt = the lock day itself: the period reads "locked since <locksOn>", as it would by date.
    const { count } = await tx.reportingPeriod.updateMany({
      where: { id: p.id, tenantId: p.tenantId, closedAt: null },
      data: { closedAt: p.locksOn, closedById: null },
    });
    if (count === 0) continue;
    await audit({
      tenantId: p.tenantId,
      action: "period.locked",
      entityType: "ReportingPeriod",
      entityId: p.id,
      after: { locksOn: toIsoDay(p.locksOn) },
    });
    bump(counts, p.tenantId, "locked");
  }
}

/**
 * Reminders for the open periods of active plans: "opened" once a period opens, "due soon" from
 * DUE_SOON_DAYS before its due day, "overdue" from the day after. To the focal points (and
 * handover recipients) of each agency that leads an activity of the plan and has not reported it
 * for the period; one notification per person, period and kind, however many activities.
 */
async function remind(tx: Tx, today: Date, counts: Counts, only: Scope): Promise<void> {
  const periods = await tx.reportingPeriod.findMany({
    where: { ...only, opensOn: { lte: today }, plan: { status: "ACTIVE", archivedAt: null } },
    select: { ...periodSelect, tenantId: true },
  });
  const due = periods
    .map((p) => ({ p, kind: REMINDER_OF[periodStatus(p, today).state] }))
    .filter((x): x is { p: (typeof periods)[number]; kind: NotificationKind } => Boolean(x.kind));
  if (due.length === 0) return;
  const activities = await tx.activity.findMany({
    where: {
      planId: { in: [...new Set(due.map((d) => d.p.planId))] },
      archivedAt: null,
      leadAgencyId: { not: null },
      status: { not: "CANCELLED" },
    },
    select: {
      planId: true,
      tenantId: true,
      leadAgencyId: true,
      updates: {
        where: { periodId: { in: due.map((d) => d.p.id) }, status: { in: [...REPORTED] } },
        select: { periodId: true },
      },
    },
  });
  const focalPoints = new Map<string, Promise<string[]>>();
  const focalOf = (tenantId: string, agencyId: string) => {
    const key = `${tenantId}:${agencyId}`;
    if (!focalPoints.has(key)) focalPoints.set(key, focalPointsOf(tx, tenantId, agencyId, { today }));
    return focalPoints.get(key)!;
  };
  for (const { p, kind } of due) {
    const late = new Set(
      activities
        .filter((a) => a.planId === p.planId && a.tenantId === p.tenantId)
        .filter((a) => !a.updates.some((u) => u.periodId === p.id))
        .map((a) => a.leadAgencyId!),
    );
    const people = new Set<string>();
    for (const agencyId of late) for (const u of await focalOf(p.tenantId, agencyId)) people.add(u);
    const payload = { period: toTexts(p.label) as Record<string, string>, day: toIsoDay(p.dueDate) };
    const written = await notify(
      tx,
      p.tenantId,
      [...people].map((userId): NotificationInput => ({
        userId,
        kind,
        payload,
        link: "/my-activities",
        dedupeKey: `${kind}:${p.id}`,
      })),
    );
    bump(counts, p.tenantId, "reminders", written);
  }
}

/**
 * One email per person per tenant and day with their unread notifications not yet in a digest;
 * every undigested notification (read ones too) is then marked digested. Disabled people and
 * people no longer members get no mail.
 */
async function writeDigests(tx: Tx, day: string, now: Date, counts: Counts, only: Scope): Promise<void> {
  const pending = await tx.notification.findMany({
    where: { ...only, digestedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, tenantId: true, userId: true, kind: true, payload: true, readAt: true },
  });
  if (pending.length === 0) return;
  const userIds = [...new Set(pending.map((n) => n.userId))];
  const tenantIds = [...new Set(pending.map((n) => n.tenantId))];
  const [users, tenants, memberships, sentToday] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, email: true, name: true, locale: true, disabledAt: true },
    }),
    tx.tenant.findMany({
      where: { id: { in: tenantIds } },
      select: { id: true, slug: true, name: true, defaultLocale: true, contentLanguages: true },
    }),
    tx.membership.findMany({
      where: { tenantId: { in: tenantIds }, userId: { in: userIds } },
      select: { tenantId: true, userId: true },
    }),
    tx.outboxMessage.findMany({
      where: { tenantId: { in: tenantIds }, dedupeKey: { in: userIds.map((u) => `digest:${u}:${day}`) } },
      select: { tenantId: true, userId: true },
    }),
  ]);
  // Today's digest already went to the outbox: what came since waits for tomorrow's.
  const done = new Set(sentToday.map((m) => `${m.tenantId}:${m.userId}`));
  const userById = new Map(users.map((u) => [u.id, u]));
  const tenantById = new Map(tenants.map((t) => [t.id, t]));
  const member = new Set(memberships.map((m) => `${m.tenantId}:${m.userId}`));
  const groups = new Map<string, typeof pending>();
  const digested: string[] = [];
  for (const n of pending) {
    const key = `${n.tenantId}:${n.userId}`;
    if (done.has(key)) continue;
    digested.push(n.id);
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const messages: OutboxInput[] = [];
  for (const [key, items] of groups) {
    const unread = items.filter((n) => !n.readAt);
    const user = userById.get(items[0].userId);
    const tenant = tenantById.get(items[0].tenantId);
    if (unread.length === 0 || !user || !tenant || user.disabledAt || !member.has(key)) continue;
    const { subject, body } = composeDigest({
      locale: user.locale,
      tenantDefaultLocale: tenant.defaultLocale,
      tenant: { slug: tenant.slug, name: toTexts(tenant.name), contentLanguages: tenant.contentLanguages },
      name: user.name,
      items: unread.map((n) => ({ id: n.id, kind: n.kind, payload: toPayload(n.payload) })),
    });
    messages.push({
      tenantId: tenant.id,
      userId: user.id,
      toEmail: user.email,
      subject,
      body,
      dedupeKey: `digest:${user.id}:${day}`,
    });
  }
  for (const m of messages) {
    const written = await writeOutbox(tx, [m], now);
    bump(counts, m.tenantId, "digests", written);
  }
  if (digested.length) await tx.notification.updateMany({ where: { id: { in: digested } }, data: { digestedAt: now } });
}

/** For the outbox page's note and the health of the runner: when the daily job last ran, and how. */
export async function unsafeDailyJobState(): Promise<{ lastRunOn: string | null; lastError: string | null }> {
  return unsafeAsSystem("the job runner reads its own schedule", async (tx) => {
    const row = await tx.jobSchedule.findUnique({
      where: { name: DAILY_JOB },
      select: { lastRunOn: true, lastError: true },
    });
    return { lastRunOn: row?.lastRunOn ? toIsoDay(row.lastRunOn) : null, lastError: row?.lastError ?? null };
  });
}
