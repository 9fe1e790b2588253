// The coordinator's desk: the review queue's filters and pages, its statement count (the same for
// 2 rows and 30), bulk approval that skips what this person may not approve and says why, and the
// compliance matrix on a small world counted by hand. Another tenant and lower roles get nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  approveSelected,
  complianceMatrix,
  countAwaitingReview,
  reviewFilterOptions,
  reviewQueue,
} from "@/lib/data/reporting/review";
import { saveReport } from "@/lib/data/reporting/updates";
import type { ActivityStatus, Pillar, UpdateStatus } from "@/lib/domain/enums";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { parseIsoDay } from "@/lib/domain/day";
import ReviewPage from "@/app/(app)/[tenant]/review/page";
import CompliancePage from "@/app/(app)/[tenant]/review/compliance/page";
import { approveSelectedAction, reviewUpdateAction } from "@/lib/actions/review";
import { countSqlQueries } from "../factories/browse";
import { renderPage } from "../helpers/pages";
import { form, signInAs } from "../helpers/session";
import { createAgency } from "../factories/index";
import { OPEN_Q2, TODAY, reportingWorld, updateInput, type ReportingWorld } from "../factories/reporting";

let w: ReportingWorld;
const opts = { today: TODAY };
beforeEach(async () => {
  w = await reportingWorld();
});
afterEach(() => signInAs(null));

let n = 0;
/** An activity of A's plan, in a section of its own pillar when asked. */
async function activity(
  o: {
    lead?: string | null;
    pillar?: Pillar;
    status?: ActivityStatus;
    start?: string | null;
    end?: string | null;
    archived?: boolean;
  } = {},
) {
  const db = await getDb();
  const tenantId = w.a.tenant.id;
  let objectiveId = w.a.plan.objectiveId;
  if (o.pillar) {
    n += 1;
    const section = await db.section.create({
      data: {
        tenantId,
        planId: w.a.plan.id,
        code: `s${n}`,
        title: { en: o.pillar },
        pillar: o.pillar,
        position: 10 + n,
      },
      select: { id: true },
    });
    objectiveId = (
      await db.objective.create({
        data: {
          tenantId,
          planId: w.a.plan.id,
          sectionId: section.id,
          code: `s${n}.1`,
          title: { en: "O" },
          position: 1,
        },
        select: { id: true },
      })
    ).id;
  }
  n += 1;
  return db.activity.create({
    data: {
      tenantId,
      planId: w.a.plan.id,
      objectiveId,
      code: `9.${n}`,
      title: { en: `Activity 9.${n}` },
      leadAgencyId: o.lead === undefined ? w.a.agency.id : o.lead,
      status: o.status ?? "IN_PROGRESS",
      plannedStart: o.start === null ? null : parseIsoDay(o.start ?? "2026-01-01"),
      plannedEnd: o.end === null ? null : parseIsoDay(o.end ?? "2026-12-31"),
      position: n,
      archivedAt: o.archived ? new Date() : null,
    },
    select: { id: true },
  });
}

/** An update as the state machine would have left it, submitted by `by` at `at`. */
async function update(
  activityId: string,
  status: UpdateStatus,
  o: { by?: string; at?: string; periodId?: string } = {},
) {
  const db = await getDb();
  const submitted = status !== "DRAFT";
  return db.progressUpdate.create({
    data: {
      tenantId: w.a.tenant.id,
      activityId,
      periodId: o.periodId ?? w.open.id,
      status,
      activityStatus: "IN_PROGRESS",
      percentComplete: 30,
      authorId: o.by ?? w.a.focal.id,
      submittedById: submitted ? (o.by ?? w.a.focal.id) : null,
      submittedAt: submitted ? new Date(o.at ?? "2026-07-01T10:00:00Z") : null,
    },
    select: { id: true, version: true },
  });
}

describe("the review queue", () => {
  it("lists waiting updates with their activity, pillar, agency, period and submitter, and filters them", async () => {
    const protection = await activity({ pillar: "PROTECTION", lead: w.a.other.id });
    const plain = await activity();
    const draftOnly = await activity();
    const u1 = await update(w.activity.id, "SUBMITTED", { at: "2026-07-01T09:00:00Z" });
    const u2 = await update(protection.id, "SIGNED_OFF", { at: "2026-07-02T09:00:00Z", by: w.otherFocal.user.id });
    const u3 = await update(plain.id, "APPROVED");
    const u4 = await update(draftOnly.id, "DRAFT");
    const u5 = await update(plain.id, "RETURNED", { periodId: w.locked.id });
    const coordinator = w.a.ctx.coordinator;

    const waiting = await reviewQueue(coordinator, {});
    expect(waiting.rows.map((r) => r.id)).toEqual([u1.id, u2.id]); // longest waiting first
    expect(waiting.total).toBe(2);
    const first = waiting.rows[0];
    expect(first).toMatchObject({
      status: "SUBMITTED",
      activity: { id: w.activity.id },
      pillar: "PREVENTION",
      leadAgency: { id: w.a.agency.id },
      period: { id: w.open.id, label: { en: "Q2 2026" } },
      submittedBy: w.a.focal.name,
      approvable: true,
      approveRefusal: null,
      returnable: true,
    });
    expect(first.submittedAt?.toISOString()).toBe("2026-07-01T09:00:00.000Z");

    const ids = async (f: Parameters<typeof reviewQueue>[1]) =>
      (await reviewQueue(coordinator, f)).rows.map((r) => r.id);
    expect(await ids({ pillar: "PROTECTION" })).toEqual([u2.id]);
    expect(await ids({ agencyId: w.a.other.id })).toEqual([u2.id]);
    expect(await ids({ state: "APPROVED" })).toEqual([u3.id]);
    expect(await ids({ state: "DRAFT" })).toEqual([u4.id]);
    expect(await ids({ state: "RETURNED" })).toEqual([u5.id]);
    expect(await ids({ state: "SIGNED_OFF" })).toEqual([u2.id]);
    expect(await ids({ state: "all", periodId: w.locked.id })).toEqual([u5.id]);
    expect((await ids({ state: "all" })).sort()).toEqual([u1.id, u2.id, u3.id, u4.id, u5.id].sort());
    expect(await ids({ periodId: w.locked.id })).toEqual([]);

    // Archived activities leave the queue.
    const db = await getDb();
    await db.activity.update({ where: { id: protection.id }, data: { archivedAt: new Date() } });
    expect(await ids({})).toEqual([u1.id]);

    const options = await reviewFilterOptions(coordinator);
    expect(options.periods.map((p) => p.id)).toEqual([w.open.id, w.locked.id]);
    expect(options.agencies.map((a) => a.id)).toEqual(
      expect.arrayContaining([w.a.agency.id, w.a.partner.id, w.a.other.id]),
    );
  });

  it("marks what this reviewer may not approve: their own submission, one waiting for sign-off", async () => {
    const own = await activity();
    const u1 = await update(own.id, "SUBMITTED", { by: w.a.coordinator.id });
    const u2 = await update(w.activity.id, "SUBMITTED");
    const rows = (await reviewQueue(w.a.ctx.coordinator, {})).rows;
    expect(rows.find((r) => r.id === u1.id)).toMatchObject({ approvable: false, approveRefusal: "ownSubmission" });
    expect(rows.find((r) => r.id === u2.id)).toMatchObject({ approvable: true });
    // The admin did not submit either, so may approve both.
    expect((await reviewQueue(w.a.ctx.admin, {})).rows.every((r) => r.approvable)).toBe(true);

    const db = await getDb();
    await db.tenant.update({ where: { id: w.a.tenant.id }, data: { agencySignOff: true } });
    const signOff = (await reviewQueue(w.a.ctx.admin, {})).rows;
    expect(signOff.map((r) => r.approveRefusal)).toEqual(["signOffFirst", "signOffFirst"]);
    expect(signOff.every((r) => r.returnable)).toBe(true);
  });

  it("pages with a bounded size, shows the last page for a page past the end, and counts statements, not rows", async () => {
    const many = await Promise.all(Array.from({ length: 30 }, () => activity()));
    const small = many.slice(0, 2);
    for (const [i, a] of small.entries()) await update(a.id, "SUBMITTED", { at: `2026-07-0${i + 1}T08:00:00Z` });
    const coordinator = w.a.ctx.coordinator;
    const few = await countSqlQueries(() => reviewQueue(coordinator, {}));
    expect(few.result.total).toBe(2);

    for (const [i, a] of many.slice(2).entries())
      await update(a.id, "SUBMITTED", { at: new Date(Date.UTC(2026, 6, 3, 0, i)).toISOString() });
    const lots = await countSqlQueries(() => reviewQueue(coordinator, {}));
    expect(lots.result.total).toBe(30);
    expect(lots.result.rows).toHaveLength(25);
    expect(lots.queries).toBe(few.queries);
    expect(lots.queries).toBeLessThanOrEqual(5); // BEGIN, scope, page, count, COMMIT

    const page2 = await reviewQueue(coordinator, { page: 2 });
    expect(page2).toMatchObject({ page: 2, pageCount: 2, total: 30 });
    expect(page2.rows).toHaveLength(5);
    const past = await reviewQueue(coordinator, { page: 99 });
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.id)).toEqual(page2.rows.map((r) => r.id));
    const sized = await reviewQueue(coordinator, {}, { size: 10_000 });
    expect(sized.size).toBe(100);

    const count = await countSqlQueries(() => countAwaitingReview(coordinator));
    expect(count.result).toBe(30);
    expect(count.queries).toBeLessThanOrEqual(4);
  });

  it("counts what waits for the reviewer: submitted, or only signed off when the agency signs off first", async () => {
    await update(w.activity.id, "SUBMITTED");
    await update((await activity()).id, "SIGNED_OFF");
    await update((await activity()).id, "RETURNED");
    expect(await countAwaitingReview(w.a.ctx.coordinator)).toBe(2);
    const db = await getDb();
    await db.tenant.update({ where: { id: w.a.tenant.id }, data: { agencySignOff: true } });
    expect(await countAwaitingReview(w.a.ctx.coordinator)).toBe(1);
    expect(await countAwaitingReview(w.a.ctx.focal)).toBe(0);
    expect(await countAwaitingReview(w.a.ctx.viewer)).toBe(0);
    expect(await countAwaitingReview(w.b.ctx.coordinator)).toBe(0);
  });
});

describe("approving several at once", () => {
  it("approves what it may and skips the rest, each with its reason", async () => {
    const [a1, a2, a3, a4] = await Promise.all([activity(), activity(), activity(), activity()]);
    const ok1 = await update(a1.id, "SUBMITTED");
    const ok2 = await update(a2.id, "SIGNED_OFF");
    const own = await update(a3.id, "SUBMITTED", { by: w.a.coordinator.id });
    const draft = await update(a4.id, "DRAFT");
    const stale = await update(w.activity.id, "SUBMITTED");
    const result = await approveSelected(
      w.a.ctx.coordinator,
      [ok1, ok2, own, draft, { ...stale, version: stale.version + 1 }, { id: "nope", version: 1 }].map((u) => ({
        updateId: u.id,
        version: u.version,
      })),
      opts,
    );
    expect(result.approved.map((r) => r.id).sort()).toEqual([ok1.id, ok2.id].sort());
    expect(Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]))).toEqual({
      [own.id]: "ownSubmission",
      [draft.id]: "notAllowedInState",
      [stale.id]: "stale",
      nope: "notFound",
    });
    expect(result.skipped.find((s) => s.id === own.id)?.code).toMatch(/^9\./);

    const db = await getDb();
    const statuses = await db.progressUpdate.findMany({
      where: { id: { in: [ok1.id, ok2.id, own.id, draft.id, stale.id] } },
      select: { id: true, status: true, reviewerId: true },
    });
    const byId = Object.fromEntries(statuses.map((s) => [s.id, s]));
    expect(byId[ok1.id]).toMatchObject({ status: "APPROVED", reviewerId: w.a.coordinator.id });
    expect(byId[ok2.id].status).toBe("APPROVED");
    expect([byId[own.id].status, byId[draft.id].status, byId[stale.id].status]).toEqual([
      "SUBMITTED",
      "DRAFT",
      "SUBMITTED",
    ]);
    // Approval moved the activity, as a single approval does.
    expect((await db.activity.findUniqueOrThrow({ where: { id: a1.id } })).percentComplete).toBe(30);
  });

  it("approves updates submitted through the data layer, and refuses the one the reviewer submitted", async () => {
    const byFocal = await saveReport(
      w.a.ctx.focal,
      { activityId: w.activity.id, periodId: w.open.id, version: null, input: updateInput(w), submit: true },
      opts,
    );
    const other = await activity();
    const byCoordinator = await saveReport(
      w.a.ctx.coordinator,
      { activityId: other.id, periodId: w.open.id, version: null, input: updateInput(w, { values: [] }), submit: true },
      opts,
    );
    const result = await approveSelected(
      w.a.ctx.coordinator,
      [byFocal, byCoordinator].map((u) => ({ updateId: u.id, version: u.version })),
      opts,
    );
    expect(result.approved.map((r) => r.id)).toEqual([byFocal.id]);
    expect(result.skipped).toEqual([{ id: byCoordinator.id, code: expect.any(String), reason: "ownSubmission" }]);
  });

  it("gives another tenant and lower roles nothing", async () => {
    const u = await update(w.activity.id, "SUBMITTED");
    const item = [{ updateId: u.id, version: u.version }];
    const other = await approveSelected(w.b.ctx.coordinator, item, opts);
    expect(other).toEqual({ approved: [], skipped: [{ id: u.id, code: null, reason: "notFound" }] });
    await expect(approveSelected(w.a.ctx.focal, item, opts)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveSelected(w.a.ctx.viewer, item, opts)).rejects.toBeInstanceOf(ForbiddenError);
    const db = await getDb();
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: u.id } })).status).toBe("SUBMITTED");
  });

  it("skips, on a second try, what the first approved", async () => {
    const u = await update(w.activity.id, "SUBMITTED");
    const db = await getDb();
    const selection = [{ updateId: u.id, version: u.version }];
    expect((await approveSelected(w.a.ctx.coordinator, selection, opts)).approved).toHaveLength(1);
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: u.id } })).status).toBe("APPROVED");
    const again = await approveSelected(w.a.ctx.coordinator, selection, opts);
    expect(again).toMatchObject({ approved: [], skipped: [{ id: u.id, reason: "notAllowedInState" }] });
  });
});

describe("the compliance matrix", () => {
  it("counts each agency's due activities by state, the missing ones and the on-time rate", async () => {
    const [x, y, z] = await Promise.all([
      createAgency(w.a.tenant, { name: "Agency X" }),
      createAgency(w.a.tenant, { name: "Agency Y" }),
      createAgency(w.a.tenant, { name: "Agency Z" }),
    ]);
    // X: four due (approved on time, submitted late, missing, draft), one cancelled, one planned
    // for next year, one archived: those three are not due.
    const x1 = await activity({ lead: x.id });
    const x2 = await activity({ lead: x.id, start: null });
    const x3 = await activity({ lead: x.id, start: null, end: null });
    const x4 = await activity({ lead: x.id, pillar: "PROSECUTION" });
    const x5 = await activity({ lead: x.id, status: "CANCELLED" });
    const x6 = await activity({ lead: x.id, start: "2027-01-01", end: "2027-12-31" });
    const x7 = await activity({ lead: x.id, archived: true });
    await update(x1.id, "APPROVED", { at: "2026-07-10T12:00:00Z" });
    await update(x2.id, "SUBMITTED", { at: "2026-07-16T00:30:00Z" });
    await update(x3.id, "APPROVED", { periodId: w.locked.id, at: "2026-04-01T00:00:00Z" }); // another period
    await update(x4.id, "DRAFT");
    await update(x5.id, "SUBMITTED");
    await update(x6.id, "SUBMITTED");
    await update(x7.id, "SUBMITTED");
    // Y: returned (submitted on the due day itself: on time) and signed off.
    const [y1, y2] = [await activity({ lead: y.id }), await activity({ lead: y.id, end: "2026-04-01" })];
    await update(y1.id, "RETURNED", { at: "2026-07-15T23:59:00Z" });
    await update(y2.id, "SIGNED_OFF", { at: "2026-06-20T08:00:00Z" });
    // Z leads only an activity that ended before the period: nothing due.
    await activity({ lead: z.id, start: "2025-01-01", end: "2026-03-31" });

    const m = await complianceMatrix(w.a.ctx.coordinator, { periodId: w.open.id }, opts);
    expect(m.period).toMatchObject({ id: w.open.id, dueDate: OPEN_Q2.dueDate, label: { en: "Q2 2026" } });
    expect(m.plan?.id).toBe(w.a.plan.id);
    expect(m.periods.map((p) => p.id)).toEqual([w.locked.id, w.open.id]);
    const row = (id: string) => m.rows.find((r) => r.agency.id === id);
    expect(row(x.id)).toEqual({
      agency: { id: x.id, name: { en: "Agency X" } },
      due: 4,
      draft: 1,
      submitted: 1,
      approved: 1,
      returned: 0,
      missing: 1,
      onTime: 1,
      onTimeRate: 25,
    });
    expect(row(y.id)).toMatchObject({ due: 2, submitted: 1, returned: 1, missing: 0, onTime: 2, onTimeRate: 100 });
    expect(row(z.id)).toMatchObject({ due: 0, missing: 0, onTimeRate: null });
    // The world's own activity (led by A's agency) ended in 2025: listed, nothing due.
    expect(row(w.a.agency.id)).toMatchObject({ due: 0 });
    expect(row(w.a.partner.id)).toBeUndefined(); // leads nothing
    expect(m.rows.map((r) => r.agency.name.en)).toEqual([...m.rows.map((r) => r.agency.name.en)].sort());
    expect(m.totals).toMatchObject({ due: 6, draft: 1, submitted: 2, approved: 1, returned: 1, missing: 1, onTime: 3 });
    expect(m.totals.onTimeRate).toBe(50);

    // Without a period: the active plan's latest period that has opened (Q2 on TODAY).
    const byPlan = await complianceMatrix(w.a.ctx.admin, { planId: w.a.plan.id }, opts);
    expect(byPlan.period?.id).toBe(w.open.id);
    const earlier = await complianceMatrix(w.a.ctx.admin, {}, { today: parseIsoDay("2026-05-01") });
    expect(earlier.period?.id).toBe(w.locked.id);
    expect(earlier.rows.find((r) => r.agency.id === x.id)).toMatchObject({ approved: 1, missing: 3, due: 4 });

    // One statement for the counts whatever the size: the same with twice the activities.
    const before = await countSqlQueries(() => complianceMatrix(w.a.ctx.coordinator, { periodId: w.open.id }, opts));
    for (let i = 0; i < 10; i++) await update((await activity({ lead: y.id })).id, "SUBMITTED");
    const after = await countSqlQueries(() => complianceMatrix(w.a.ctx.coordinator, { periodId: w.open.id }, opts));
    expect(after.queries).toBe(before.queries);
    expect(after.result.rows.find((r) => r.agency.id === y.id)?.due).toBe(12);
  });

  it("gives another tenant and lower roles nothing", async () => {
    await update(w.activity.id, "SUBMITTED");
    await expect(complianceMatrix(w.b.ctx.coordinator, { periodId: w.open.id }, opts)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const own = await complianceMatrix(w.b.ctx.coordinator, { planId: w.a.plan.id }, opts);
    expect(own.plan?.id).toBe(w.b.plan.id); // A's plan is not B's: B's own plan, which has no periods
    expect(own.rows).toEqual([]);
    expect((await reviewQueue(w.b.ctx.coordinator, { state: "all" })).rows).toEqual([]);
    expect((await reviewQueue(w.b.ctx.coordinator, { periodId: w.open.id, state: "all" })).total).toBe(0);
    for (const ctx of [w.a.ctx.focal, w.a.ctx.viewer]) {
      await expect(complianceMatrix(ctx, { periodId: w.open.id }, opts)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(reviewQueue(ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(reviewFilterOptions(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("the pages and actions", () => {
  it("show the queue and the matrix to coordinators and administrators, and 404 to everyone else", async () => {
    const slug = w.a.tenant.slug;
    for (const [Page, path] of [
      [ReviewPage, `/${slug}/review`],
      [CompliancePage, `/${slug}/review/compliance`],
    ] as const) {
      for (const person of [w.a.coordinator, w.a.admin]) {
        signInAs(person);
        expect(await renderPage(Page, path, { tenant: slug }), person.email).toHaveProperty("element");
      }
      for (const person of [w.a.focal, w.a.viewer, w.b.coordinator, w.b.admin]) {
        signInAs(person);
        expect(await renderPage(Page, path, { tenant: slug }), person.email).toEqual({ status: 404 });
      }
    }
  });

  it("return with a comment, refuse a return without one and a stale version, and approve in bulk", async () => {
    const u = await update(w.activity.id, "SUBMITTED");
    const tenant = w.a.tenant.slug;
    signInAs(w.a.coordinator);
    const noComment = await reviewUpdateAction(
      null,
      form({ tenant, updateId: u.id, version: u.version, intent: "return" }),
    );
    expect(noComment).toMatchObject({
      ok: false,
      fieldErrors: { comment: { key: "progress.refused.commentRequired" } },
    });
    const stale = await reviewUpdateAction(
      null,
      form({ tenant, updateId: u.id, version: u.version + 1, intent: "approve" }),
    );
    expect(stale).toMatchObject({ ok: false, message: { key: "review.stale" } });
    const returned = await reviewUpdateAction(
      null,
      form({ tenant, updateId: u.id, version: u.version, intent: "return", comment: "Attach the list" }),
    );
    expect(returned).toMatchObject({ ok: true, message: { key: "review.done.returned" } });
    const db = await getDb();
    expect(await db.progressUpdate.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      status: "RETURNED",
      reviewComment: "Attach the list",
    });

    const [b1, b2] = [await activity(), await activity()];
    const ok = await update(b1.id, "SUBMITTED");
    const own = await update(b2.id, "SUBMITTED", { by: w.a.coordinator.id });
    const bulk = await approveSelectedAction(
      null,
      form({ tenant, selected: [`${ok.id}:${ok.version}`, `${own.id}:${own.version}`] }),
    );
    expect(bulk).toMatchObject({
      ok: true,
      message: { key: "review.bulk.result", values: { approved: 1, skipped: 1 } },
      data: { approved: 1, skipped: [{ id: own.id, reason: "ownSubmission" }] },
    });
    const none = await approveSelectedAction(null, form({ tenant }));
    expect(none).toMatchObject({ ok: false, fieldErrors: { selected: { key: "review.bulk.noneSelected" } } });

    // Another tenant's coordinator: nothing approved, the update reported as not found.
    signInAs(w.b.coordinator);
    const other = await update((await activity()).id, "SUBMITTED");
    const across = await approveSelectedAction(null, form({ tenant: w.b.tenant.slug, selected: `${other.id}:1` }));
    expect(across).toMatchObject({ ok: true, data: { approved: 0, skipped: [{ reason: "notFound" }] } });
    signInAs(w.a.focal);
    expect(
      await reviewUpdateAction(null, form({ tenant, updateId: other.id, version: 1, intent: "approve" })),
    ).toMatchObject({ ok: false });
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("SUBMITTED");
  });
});
