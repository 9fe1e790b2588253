// The life of a progress update: who may move it where, the period's lock and its exceptions, the
// version that catches concurrent edits, and approval moving the activity's figures.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createIndicator, setIndicatorArchived } from "@/lib/data/indicators";
import { carryForward, getReport, saveReport, transitionUpdate } from "@/lib/data/reporting/updates";
import { ConflictError, NotFoundError, RuleError, ForbiddenError } from "@/lib/domain/errors";
import { parseIsoDay } from "@/lib/domain/day";
import { indicatorInput } from "../factories/activities";
import { TODAY, reportingWorld, updateInput, type ReportingWorld } from "../factories/reporting";

let w: ReportingWorld;
const opts = { today: TODAY };
beforeEach(async () => {
  w = await reportingWorld();
});

const save = (ctx = w.a.ctx.focal, over: { version?: number | null; submit?: boolean; periodId?: string } = {}) =>
  saveReport(
    ctx,
    {
      activityId: w.activity.id,
      periodId: over.periodId ?? w.open.id,
      version: over.version ?? null,
      input: updateInput(w),
      submit: over.submit ?? false,
    },
    opts,
  );

async function refusedWith(promise: Promise<unknown>, key: string) {
  await expect(promise).rejects.toBeInstanceOf(RuleError);
  await promise.catch((e: RuleError) => expect(e.message).toBe(key));
}

async function notificationsOf(userId: string) {
  const db = await getDb();
  return db.notification.findMany({ where: { userId }, select: { kind: true, payload: true, link: true } });
}

describe("progress updates", () => {
  it("goes draft -> submitted -> returned -> submitted -> approved, and approval moves the activity", async () => {
    const draft = await save();
    expect(draft).toMatchObject({ status: "DRAFT", version: 1 });
    const submitted = await save(w.a.ctx.focal, { version: 1, submit: true });
    expect(submitted.status).toBe("SUBMITTED");
    expect((await notificationsOf(w.a.coordinator.id)).map((n) => n.kind)).toContain("update.submitted");

    const returned = await transitionUpdate(
      w.a.ctx.coordinator,
      { updateId: draft.id, version: 2, action: "return", comment: "Add the attendance list" },
      opts,
    );
    expect(returned.status).toBe("RETURNED");
    const bell = await notificationsOf(w.a.focal.id);
    expect(bell.find((n) => n.kind === "update.returned")?.payload).toMatchObject({
      comment: "Add the attendance list",
    });

    await save(w.a.ctx.focal, { version: 3, submit: true });
    const db = await getDb();
    expect((await db.activity.findUniqueOrThrow({ where: { id: w.activity.id } })).status).toBe("NOT_STARTED");
    await transitionUpdate(w.a.ctx.coordinator, { updateId: draft.id, version: 4, action: "approve" }, opts);
    const activity = await db.activity.findUniqueOrThrow({ where: { id: w.activity.id } });
    expect(activity).toMatchObject({ status: "IN_PROGRESS", percentComplete: 40 });

    const report = await getReport(w.a.ctx.viewer, w.activity.id, w.open.id, opts);
    expect(report.update?.status).toBe("APPROVED");
    expect(report.update?.values.map((v) => v.value)).toEqual(["40", "12"]);
    const trail = report.update!.trail.map((s) => s.action);
    expect(trail).toEqual(["update.submitted", "update.returned", "update.submitted", "update.approved"]);
    expect(report.update!.trail[1].comment).toBe("Add the attendance list");
  });

  it("lets nobody approve their own submission", async () => {
    const { id } = await saveReport(
      w.a.ctx.coordinator,
      { activityId: w.activity.id, periodId: w.open.id, version: null, input: updateInput(w), submit: true },
      opts,
    );
    await refusedWith(
      transitionUpdate(w.a.ctx.coordinator, { updateId: id, version: 1, action: "approve" }, opts),
      "progress.refused.ownSubmission",
    );
    await expect(
      transitionUpdate(w.a.ctx.admin, { updateId: id, version: 1, action: "approve" }, opts),
    ).resolves.toMatchObject({
      status: "APPROVED",
    });
  });

  it("refuses a focal point of another agency, a viewer, and another tenant", async () => {
    await refusedWith(save(w.otherFocal.ctx), "progress.refused.notReporter");
    await refusedWith(save(w.partnerFocal.ctx), "progress.refused.notReporter");
    await expect(save(w.a.ctx.viewer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(save(w.b.ctx.admin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReport(w.b.ctx.admin, w.activity.id, w.open.id, opts)).rejects.toBeInstanceOf(NotFoundError);
    const { id } = await save(w.a.ctx.focal, { submit: true });
    await refusedWith(
      transitionUpdate(w.a.ctx.focal, { updateId: id, version: 1, action: "approve" }, opts),
      "progress.refused.notReviewer",
    );
    await expect(
      transitionUpdate(w.b.ctx.admin, { updateId: id, version: 1, action: "approve" }, opts),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps a locked period shut, until an exception opens it for the activity", async () => {
    await refusedWith(save(w.a.ctx.focal, { periodId: w.locked.id }), "progress.refused.periodLocked");
    const db = await getDb();
    await db.reportingException.create({
      data: {
        tenantId: w.a.tenant.id,
        periodId: w.locked.id,
        agencyId: w.a.agency.id,
        until: parseIsoDay("2026-07-10"),
        reason: "Data came late",
      },
    });
    await expect(save(w.a.ctx.focal, { periodId: w.locked.id })).resolves.toMatchObject({ status: "DRAFT" });
    // The exception expires on its own.
    await expect(
      saveReport(
        w.a.ctx.focal,
        { activityId: w.activity.id, periodId: w.locked.id, version: 1, input: updateInput(w), submit: false },
        { today: parseIsoDay("2026-07-11") },
      ),
    ).rejects.toThrow("progress.refused.periodLocked");
  });

  it("catches a stale version and hands back what the other person saved", async () => {
    await save();
    const colleague = saveReport(
      w.colleague.ctx,
      {
        activityId: w.activity.id,
        periodId: w.open.id,
        version: 1,
        input: updateInput(w, { percentComplete: 55 }),
        submit: false,
      },
      opts,
    );
    await expect(colleague).resolves.toMatchObject({ version: 2 });
    const stale = save(w.a.ctx.focal, { version: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await stale.catch((e: ConflictError) => expect(e.current).toMatchObject({ version: 2, percentComplete: 55 }));
  });

  it("loses no update when two people save the first draft at the same moment", async () => {
    const results = await Promise.allSettled([save(), save(w.colleague.ctx)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
  });

  it("says every value error at once, and saves nothing", async () => {
    const bad = updateInput(w, { activityStatus: "COMPLETED", percentComplete: 80 });
    bad.values[1] = { ...bad.values[1], breakdown: { sex: { female: 2, male: 3 } } };
    bad.values[0] = { ...bad.values[0], value: "40" };
    const attempt = saveReport(
      w.a.ctx.focal,
      { activityId: w.activity.id, periodId: w.open.id, version: null, input: bad, submit: false },
      opts,
    );
    await attempt.catch((e: RuleError) =>
      expect(Object.keys(e.fieldErrors).sort()).toEqual(["percentComplete", "values.1.note"]),
    );
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    const db = await getDb();
    expect(await db.progressUpdate.count({ where: { activityId: w.activity.id } })).toBe(0);
    // A note saying why the cells do not add up lets it through.
    bad.values[1].note = "3 people did not give their sex";
    bad.percentComplete = 100;
    await expect(
      saveReport(
        w.a.ctx.focal,
        { activityId: w.activity.id, periodId: w.open.id, version: null, input: bad, submit: false },
        opts,
      ),
    ).resolves.toMatchObject({ status: "DRAFT" });
  });

  it("carries the last approved figures forward with a note, as 'No change this period'", async () => {
    const { id } = await save(w.a.ctx.focal, { periodId: w.locked.id, submit: false }).catch(async () => {
      // Q1 is locked: approve an update there through the database, as history.
      const db = await getDb();
      const u = await db.progressUpdate.create({
        data: {
          tenantId: w.a.tenant.id,
          activityId: w.activity.id,
          periodId: w.locked.id,
          status: "APPROVED",
          activityStatus: "IN_PROGRESS",
          percentComplete: 30,
          nextSteps: { en: "Keep going" },
        },
      });
      return { id: u.id };
    });
    expect(id).toBeTruthy();
    await expect(
      carryForward(w.a.ctx.focal, { activityId: w.activity.id, periodId: w.open.id, version: null, note: {} }, opts),
    ).rejects.toBeInstanceOf(RuleError);
    const carried = await carryForward(
      w.a.ctx.focal,
      { activityId: w.activity.id, periodId: w.open.id, version: null, note: { en: "Waiting for the budget" } },
      opts,
    );
    expect(carried.status).toBe("SUBMITTED");
    const report = await getReport(w.a.ctx.coordinator, w.activity.id, w.open.id, opts);
    expect(report.update).toMatchObject({
      noChange: true,
      percentComplete: 30,
      achievements: { en: "Waiting for the budget" },
    });
    expect(report.previousApproved?.percentComplete).toBe(30);
  });

  it("carries only totals so far forward: a per-period number gets 0, a per-period percentage or yes / no nothing", async () => {
    // Besides the world's two CUMULATIVE indicators: three PER_PERIOD ones, and a CUMULATIVE one archived since.
    const perPeriod = (over: Parameters<typeof indicatorInput>[0]) =>
      createIndicator(w.a.ctx.admin, w.activity.id, indicatorInput({ valueKind: "PER_PERIOD", ...over }));
    const identified = await perPeriod({
      name: { en: "Victims identified" },
      disaggregation: [{ dimension: "sex", categories: ["female", "male"] }],
    });
    const referred = await perPeriod({ name: { en: "Share referred" }, unit: "PERCENT", target: "90" });
    const meeting = await perPeriod({ name: { en: "Meeting held" }, unit: "YES_NO", target: "1", unitLabel: {} });
    const retired = await createIndicator(w.a.ctx.admin, w.activity.id, indicatorInput({ name: { en: "Retired" } }));
    const [officers, victims] = w.indicators;

    // Q1 (locked) was approved with a value for each: as history, through the database.
    const db = await getDb();
    const q1 = await db.progressUpdate.create({
      data: {
        tenantId: w.a.tenant.id,
        activityId: w.activity.id,
        periodId: w.locked.id,
        status: "APPROVED",
        activityStatus: "IN_PROGRESS",
        percentComplete: 30,
      },
    });
    const value = (indicatorId: string, v: object) => ({
      tenantId: w.a.tenant.id,
      progressUpdateId: q1.id,
      indicatorId,
      ...v,
    });
    await db.indicatorValue.createMany({
      data: [
        value(officers, { value: 40 }),
        value(victims, { value: 12, breakdown: { sex: { female: 9, male: 3 } } }),
        value(identified.id, { value: 7, breakdown: { sex: { female: 4, male: 3 } } }),
        value(referred.id, { value: 75, numerator: 3, denominator: 4 }),
        value(meeting.id, { value: 1 }),
        value(retired.id, { value: 5 }),
      ],
    });
    await setIndicatorArchived(w.a.ctx.admin, retired.id, true);

    // The report form learns what each indicator wants entered.
    const before = await getReport(w.a.ctx.focal, w.activity.id, w.open.id, opts);
    expect(before.indicators.map((i) => [i.name.en, i.valueKind])).toEqual([
      ["Officers trained", "CUMULATIVE"],
      ["Victims assisted", "CUMULATIVE"],
      ["Victims identified", "PER_PERIOD"],
      ["Share referred", "PER_PERIOD"],
      ["Meeting held", "PER_PERIOD"],
    ]);

    // Another tenant's focal point cannot carry it forward.
    await expect(
      carryForward(
        w.b.ctx.focal,
        { activityId: w.activity.id, periodId: w.open.id, version: null, note: { en: "x" } },
        opts,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);

    const carried = await carryForward(
      w.a.ctx.focal,
      { activityId: w.activity.id, periodId: w.open.id, version: null, note: { en: "Nothing new this quarter" } },
      opts,
    );
    expect(carried.status).toBe("SUBMITTED");
    const q2 = (v: object) => ({ numerator: null, denominator: null, breakdown: null, note: null, ...v });
    const expected = [
      q2({ indicatorId: officers, value: "40" }),
      q2({ indicatorId: victims, value: "12", breakdown: { sex: { female: 9, male: 3 } } }),
      // Not 7 again: that would count Q1's victims twice in the sum of the periods.
      q2({ indicatorId: identified.id, value: "0" }),
    ];
    const report = await getReport(w.a.ctx.coordinator, w.activity.id, w.open.id, opts);
    expect(report.update).toMatchObject({ noChange: true, percentComplete: 30 });
    expect(report.update?.values).toEqual(expected);
    // The submission's audit event holds the same values (what the trail compares).
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: carried.id, action: "update.submitted" },
      select: { after: true },
    });
    expect((event.after as { values: unknown[] }).values).toEqual(expected);
  });

  it("asks the agency's sign-off first when the tenant turns it on", async () => {
    const db = await getDb();
    await db.tenant.update({ where: { id: w.a.tenant.id }, data: { agencySignOff: true } });
    const { id } = await save(w.colleague.ctx, { submit: true });
    await refusedWith(
      transitionUpdate(w.a.ctx.coordinator, { updateId: id, version: 1, action: "approve" }, opts),
      "progress.refused.signOffFirst",
    );
    await refusedWith(
      transitionUpdate(w.colleague.ctx, { updateId: id, version: 1, action: "signOff" }, opts),
      "progress.refused.ownSubmission",
    );
    await expect(
      transitionUpdate(w.a.ctx.focal, { updateId: id, version: 1, action: "signOff" }, opts),
    ).resolves.toMatchObject({ status: "SIGNED_OFF" });
    await expect(
      transitionUpdate(w.a.ctx.coordinator, { updateId: id, version: 2, action: "approve" }, opts),
    ).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("lets a coordinator reopen an approved update with a reason, and the activity follows", async () => {
    const { id } = await save(w.a.ctx.focal, { submit: true });
    await transitionUpdate(w.a.ctx.coordinator, { updateId: id, version: 1, action: "approve" }, opts);
    await expect(
      transitionUpdate(w.a.ctx.coordinator, { updateId: id, version: 2, action: "reopen", comment: "" }, opts),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(
      transitionUpdate(
        w.a.ctx.coordinator,
        { updateId: id, version: 2, action: "reopen", comment: "Wrong figure" },
        opts,
      ),
    ).resolves.toMatchObject({ status: "RETURNED" });
    await refusedWith(
      transitionUpdate(w.a.ctx.coordinator, { updateId: id, version: 3, action: "approve" }, opts),
      "progress.refused.notAllowedInState",
    );
  });
});
