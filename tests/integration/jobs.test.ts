// The daily job and the mail sender: reminders once per person and period, one digest per person
// and day however often the job runs, two runners at once doing each piece of work once, the lock
// job closing due periods as the system actor, and a message given up as FAILED after its retries.
// Each test runs the job under its own schedule name and for its own tenants: other test files
// share the database.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { unsafeRunDailyJob } from "@/lib/data/jobs";
import { listOutbox, MAX_ATTEMPTS } from "@/lib/data/outbox";
import { saveReport } from "@/lib/data/reporting/updates";
import { parseIsoDay } from "@/lib/domain/day";
import { ForbiddenError } from "@/lib/domain/errors";
import { sendPendingMail } from "@/lib/jobs/sender";
import { makeActivity } from "../factories/activities";
import { TODAY, reportingWorld, updateInput, type ReportingWorld } from "../factories/reporting";

let w: ReportingWorld;
let job: string;
const tenants = () => [w.a.tenant.id, w.b.tenant.id];
const run = (day: string, over: { job?: string; now?: Date } = {}) =>
  unsafeRunDailyJob(parseIsoDay(day), {
    job: over.job ?? job,
    now: over.now ?? new Date(`${day}T06:00:00Z`),
    tenantIds: tenants(),
  });

beforeEach(async () => {
  w = await reportingWorld();
  job = `test-daily-${randomBytes(4).toString("hex")}`;
});

const savedSmtp = process.env.SMTP_URL;
afterEach(() => {
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

async function remindersOf(userId: string) {
  const db = await getDb();
  return db.notification.findMany({
    where: { userId, kind: { startsWith: "period." } },
    select: { kind: true, dedupeKey: true, payload: true, link: true },
    orderBy: { createdAt: "asc" },
  });
}

describe("reminders", () => {
  it("go once per person and period to the lead agency's focal points, whatever the number of activities", async () => {
    await makeActivity(w.a.ctx.admin, w.a.plan, { leadAgencyId: w.a.agency.id }); // a second activity of the agency
    const first = await run("2026-06-16"); // the day Q2 opens
    expect(first?.tenants[w.a.tenant.id]).toMatchObject({ reminders: 2 });
    for (const person of [w.a.focal.id, w.colleague.user.id]) {
      const mine = await remindersOf(person);
      expect(mine).toEqual([
        {
          kind: "period.opened",
          dedupeKey: `period.opened:${w.open.id}`,
          payload: { period: { en: "Q2 2026", ru: "П 2026-04-01" }, day: "2026-07-15" },
          link: "/my-activities",
        },
      ]);
    }
    // Nobody of the partner or another agency, nobody of the other tenant.
    for (const person of [w.partnerFocal.user.id, w.otherFocal.user.id, w.b.focal.id, w.a.coordinator.id]) {
      expect(await remindersOf(person)).toEqual([]);
    }
    // The same day again: the schedule says done. Another runner's schedule: the dedupe keys hold.
    expect(await run("2026-06-16")).toBeNull();
    const again = await run("2026-06-17", { job: `${job}-other` });
    expect(again?.tenants[w.a.tenant.id]?.reminders ?? 0).toBe(0);
    expect(await remindersOf(w.a.focal.id)).toHaveLength(1);

    await run("2026-07-08"); // 7 days before the due day
    await run("2026-07-16"); // the day after it
    expect((await remindersOf(w.a.focal.id)).map((n) => n.kind)).toEqual([
      "period.opened",
      "period.dueSoon",
      "period.overdue",
    ]);
  });

  it("skip an agency once it has reported every activity it leads", async () => {
    await saveReport(
      w.a.ctx.focal,
      { activityId: w.activity.id, periodId: w.open.id, version: null, input: updateInput(w), submit: true },
      { today: TODAY },
    );
    await run("2026-07-08");
    expect(await remindersOf(w.a.focal.id)).toEqual([]);
    expect(await remindersOf(w.colleague.user.id)).toEqual([]);
  });

  it("reach the colleague an active handover names", async () => {
    const db = await getDb();
    await db.handover.create({
      data: {
        tenantId: w.a.tenant.id,
        agencyId: w.a.agency.id,
        fromUserId: w.a.focal.id,
        toUserId: w.partnerFocal.user.id,
        until: parseIsoDay("2026-08-01"),
      },
    });
    await run("2026-07-08");
    expect((await remindersOf(w.partnerFocal.user.id)).map((n) => n.kind)).toEqual(["period.dueSoon"]);
  });
});

describe("the lock job", () => {
  it("closes the periods whose lock day has come and audits it as the system", async () => {
    const result = await run("2026-07-05");
    expect(result?.tenants[w.a.tenant.id]).toMatchObject({ locked: 1 });
    const db = await getDb();
    const [locked, open] = await Promise.all([
      db.reportingPeriod.findUniqueOrThrow({ where: { id: w.locked.id }, select: { closedAt: true } }),
      db.reportingPeriod.findUniqueOrThrow({ where: { id: w.open.id }, select: { closedAt: true } }),
    ]);
    expect(locked.closedAt?.toISOString()).toBe("2026-04-30T00:00:00.000Z");
    expect(open.closedAt).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { tenantId: w.a.tenant.id, action: { in: ["period.locked", "job.ran"] } },
      select: { action: true, actorKind: true, actorId: true, entityId: true, after: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toEqual([
      {
        action: "period.locked",
        actorKind: "system",
        actorId: null,
        entityId: w.locked.id,
        after: { locksOn: "2026-04-30" },
      },
      {
        action: "job.ran",
        actorKind: "system",
        actorId: null,
        entityId: job,
        after: { job, day: "2026-07-05", counts: { locked: 1, reminders: 2, digests: 2 } },
      },
    ]);
    // Tenant B had nothing to lock, and its run is audited in its own tenant.
    const bRan = await db.auditEvent.findMany({ where: { tenantId: w.b.tenant.id, action: "job.ran" } });
    expect(bRan).toHaveLength(1);
    // A second run on a later day locks nothing again.
    const later = await run("2026-07-06");
    expect(later?.tenants[w.a.tenant.id]?.locked ?? 0).toBe(0);
  });
});

describe("the digest", () => {
  it("is one email per person per day in their language, even when the job runs twice", async () => {
    const db = await getDb();
    await db.user.update({ where: { id: w.colleague.user.id }, data: { locale: "ru" } });
    await run("2026-06-16");
    await run("2026-06-16", { job: `${job}-second` }); // a second schedule on the same day
    const mail = await db.outboxMessage.findMany({
      where: { tenantId: w.a.tenant.id },
      select: { userId: true, toEmail: true, subject: true, body: true, dedupeKey: true, status: true },
    });
    expect(mail.map((m) => m.dedupeKey).sort()).toEqual(
      [`digest:${w.a.focal.id}:2026-06-16`, `digest:${w.colleague.user.id}:2026-06-16`].sort(),
    );
    const en = mail.find((m) => m.userId === w.a.focal.id)!;
    expect(en).toMatchObject({ toEmail: w.a.focal.email, status: "PENDING" });
    expect(en.subject).toContain("1 new notification");
    expect(en.body).toContain("Reporting for Q2 2026 is open");
    expect(en.body).toMatch(new RegExp(`/${w.a.tenant.slug}/notifications/\\w+`));
    const ru = mail.find((m) => m.userId === w.colleague.user.id)!;
    expect(ru.subject).toContain("новое уведомление");
    expect(ru.body).toContain("Открыта отчётность");

    // Something new later that day waits for tomorrow's digest, and is not lost.
    await db.notification.create({
      data: { tenantId: w.a.tenant.id, userId: w.a.focal.id, kind: "update.approved", payload: { by: "C" } },
    });
    await run("2026-06-16", { job: `${job}-third`, now: new Date("2026-06-16T18:00:00Z") });
    expect(await db.outboxMessage.count({ where: { userId: w.a.focal.id } })).toBe(1);
    await run("2026-06-17");
    expect(await db.outboxMessage.count({ where: { userId: w.a.focal.id } })).toBe(2);
    expect(await db.notification.count({ where: { userId: w.a.focal.id, digestedAt: null } })).toBe(0);
  });

  it("leaves out what the person already read, and mails nobody with nothing unread", async () => {
    const db = await getDb();
    await db.notification.create({
      data: { tenantId: w.a.tenant.id, userId: w.a.viewer.id, kind: "update.approved", readAt: new Date() },
    });
    await run("2026-06-20");
    expect(await db.outboxMessage.count({ where: { userId: w.a.viewer.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: w.a.viewer.id, digestedAt: null } })).toBe(0);
  });

  it("is readable by the tenant's administrators only, and only their tenant's", async () => {
    await run("2026-06-16");
    const page = await listOutbox(w.a.ctx.admin);
    expect(page.items.map((m) => m.toEmail).sort()).toEqual([w.a.focal.email, w.colleague.user.email].sort());
    expect((await listOutbox(w.b.ctx.admin)).items).toEqual([]);
    await expect(listOutbox(w.a.ctx.coordinator)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listOutbox(w.a.ctx.focal)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("two runners at once", () => {
  it("run the daily job once and send each message exactly once", async () => {
    const results = await Promise.all([run("2026-06-16"), run("2026-06-16"), run("2026-06-16")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const sent: string[] = [];
    const send = async (m: { to: string; subject: string }) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(m.to);
    };
    const [one, two] = await Promise.all([
      sendPendingMail({ send, worker: "runner-1", batch: 1, tenantIds: tenants() }),
      sendPendingMail({ send, worker: "runner-2", batch: 1, tenantIds: tenants() }),
    ]);
    expect(one.sent + two.sent).toBe(2);
    expect(sent.sort()).toEqual([w.a.focal.email, w.colleague.user.email].sort());
    const db = await getDb();
    const rows = await db.outboxMessage.findMany({ where: { tenantId: w.a.tenant.id }, select: { status: true } });
    expect(rows.map((r) => r.status)).toEqual(["SENT", "SENT"]);
    // Nothing left to send.
    expect(await sendPendingMail({ send, worker: "runner-3", tenantIds: tenants() })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
  });
});

describe("the sender", () => {
  it("retries with a backoff, then gives up as FAILED with an error that holds no secret", async () => {
    process.env.SMTP_URL = "smtp://mailer:s3cret-pass@127.0.0.1:2525";
    await run("2026-06-16");
    const failing = async () => {
      throw Object.assign(new Error("Invalid login for mailer:s3cret-pass"), { code: "EAUTH", responseCode: 535 });
    };
    let clock = new Date("2026-06-16T07:00:00Z").getTime();
    const totals = { retried: 0, failed: 0 };
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      const r = await sendPendingMail({ send: failing, now: () => new Date(clock), tenantIds: tenants() });
      totals.retried += r.retried;
      totals.failed += r.failed;
      if (i === 0) {
        // Not due again before its backoff has passed.
        const soon = await sendPendingMail({ send: failing, now: () => new Date(clock + 1000), tenantIds: tenants() });
        expect(soon.retried + soon.failed).toBe(0);
      }
      clock += 24 * 3_600_000;
    }
    expect(totals).toEqual({ retried: 2 * (MAX_ATTEMPTS - 1), failed: 2 });
    const db = await getDb();
    const rows = await db.outboxMessage.findMany({
      where: { tenantId: w.a.tenant.id },
      select: { status: true, attempts: true, lastError: true },
    });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
      expect(row.lastError).toContain("EAUTH 535");
      expect(row.lastError).not.toContain("s3cret-pass");
    }
  });

  it("sends nothing without SMTP_URL: the messages wait in the outbox", async () => {
    delete process.env.SMTP_URL;
    await run("2026-06-16");
    expect(await sendPendingMail({ tenantIds: tenants() })).toEqual({ sent: 0, retried: 0, failed: 0 });
    const db = await getDb();
    expect(await db.outboxMessage.count({ where: { tenantId: w.a.tenant.id, status: "PENDING" } })).toBe(2);
  });
});
