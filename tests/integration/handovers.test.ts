// Handovers (a focal point hands their agency's activities to a colleague until a day) and the
// primary/alternate focal point role an administrator sets: who may, what is audited and told,
// and that another tenant, another agency and a lower role get nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createHandoverAction, revokeHandoverAction } from "@/lib/actions/handovers";
import { setFocalPointRoleAction } from "@/lib/actions/members";
import { unsafeAsPlatform } from "@/lib/data/door";
import { createHandover, listColleagues, listHandovers, revokeHandover } from "@/lib/data/handovers";
import { listMembers, setFocalPointRole } from "@/lib/data/members";
import { focalPointsOf } from "@/lib/data/notifications";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { TODAY, reportingWorld, type ReportingWorld } from "../factories/reporting";
import { form, signInAs } from "../helpers/session";

let w: ReportingWorld;
const opts = { today: TODAY };
beforeEach(async () => {
  w = await reportingWorld();
});
afterEach(() => signInAs(null));

async function refusedWith(promise: Promise<unknown>, key: string) {
  await expect(promise).rejects.toBeInstanceOf(RuleError);
  await promise.catch((e: RuleError) => expect(e.message).toBe(key));
}

const focalOf = (agencyId: string, today = TODAY) =>
  unsafeAsPlatform("test: who the agency's focal points are", { kind: "system", id: null }, (tx) =>
    focalPointsOf(tx, w.a.tenant.id, agencyId, { primaryOnly: true, today }),
  );

describe("handovers", () => {
  it("hand the agency's activities to a colleague until a day: audited, told, and counted as a focal point", async () => {
    await (
      await getDb()
    ).membership.updateMany({
      where: { tenantId: w.a.tenant.id, userId: w.a.focal.id },
      data: { primaryFocalPoint: true },
    });
    expect(await focalOf(w.a.agency.id)).toEqual([w.a.focal.id]);
    expect(await listColleagues(w.a.ctx.focal)).toEqual([{ id: w.colleague.user.id, name: w.colleague.user.name }]);

    const { id } = await createHandover(w.a.ctx.focal, { toUserId: w.colleague.user.id, until: "2026-07-31" }, opts);
    expect((await focalOf(w.a.agency.id)).sort()).toEqual([w.a.focal.id, w.colleague.user.id].sort());
    // It ends on its own after its day.
    expect(await focalOf(w.a.agency.id, new Date("2026-08-01T00:00:00Z"))).toEqual([w.a.focal.id]);

    const db = await getDb();
    const [event] = await db.auditEvent.findMany({
      where: { tenantId: w.a.tenant.id, action: "handover.created" },
      select: { actorId: true, entityId: true, after: true },
    });
    expect(event).toEqual({
      actorId: w.a.focal.id,
      entityId: id,
      after: { agencyId: w.a.agency.id, fromUserId: w.a.focal.id, toUserId: w.colleague.user.id, until: "2026-07-31" },
    });
    const told = await db.notification.findMany({
      where: { userId: w.colleague.user.id, kind: "handover.received" },
      select: { payload: true, link: true },
    });
    expect(told).toEqual([{ payload: { by: w.a.focal.name, day: "2026-07-31" }, link: "/handover" }]);

    // Seen by the agency and the coordinator; not by another agency, another tenant, or a viewer.
    expect((await listHandovers(w.a.ctx.focal, opts)).map((h) => h.id)).toEqual([id]);
    expect((await listHandovers(w.colleague.ctx, opts))[0]).toMatchObject({ id, canRevoke: true });
    expect((await listHandovers(w.a.ctx.coordinator, opts))[0]).toMatchObject({ id, canRevoke: false });
    expect(await listHandovers(w.otherFocal.ctx, opts)).toEqual([]);
    expect(await listHandovers(w.a.ctx.viewer, opts)).toEqual([]);
    expect(await listHandovers(w.b.ctx.admin, opts)).toEqual([]);

    // Ended by someone uninvolved: refused; from another tenant: not found; by its giver: gone.
    await expect(revokeHandover(w.otherFocal.ctx, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeHandover(w.b.ctx.admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await revokeHandover(w.a.ctx.focal, id);
    expect(await listHandovers(w.a.ctx.focal, opts)).toEqual([]);
    expect(await focalOf(w.a.agency.id)).toEqual([w.a.focal.id]);
    expect(await db.auditEvent.count({ where: { tenantId: w.a.tenant.id, action: "handover.revoked" } })).toBe(1);
    await expect(revokeHandover(w.a.ctx.focal, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("go only to a focal point of the same agency, from a focal point, to a day not past", async () => {
    const to = (userId: string, until = "2026-07-31") => ({ toUserId: userId, until });
    await refusedWith(createHandover(w.a.ctx.focal, to(w.a.focal.id), opts), "handover.errors.self");
    await refusedWith(createHandover(w.a.ctx.focal, to(w.partnerFocal.user.id), opts), "handover.errors.notColleague");
    await refusedWith(createHandover(w.a.ctx.focal, to(w.b.focal.id), opts), "handover.errors.notColleague");
    await refusedWith(createHandover(w.a.ctx.focal, to(w.a.coordinator.id), opts), "handover.errors.notColleague");
    await refusedWith(
      createHandover(w.a.ctx.focal, to(w.colleague.user.id, "2026-07-04"), opts),
      "handover.errors.untilPast",
    );
    // Lower roles, and roles that are not an agency's focal point.
    await expect(createHandover(w.a.ctx.viewer, to(w.colleague.user.id), opts)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createHandover(w.a.ctx.coordinator, to(w.colleague.user.id), opts)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await listColleagues(w.a.ctx.coordinator)).toEqual([]);
    await createHandover(w.a.ctx.focal, to(w.colleague.user.id), opts);
    await refusedWith(createHandover(w.a.ctx.focal, to(w.colleague.user.id), opts), "handover.errors.exists");
    expect(await (await getDb()).handover.count({ where: { tenantId: w.b.tenant.id } })).toBe(0);
  });

  it("are made and ended through their actions, with field errors for the form", async () => {
    signInAs(w.a.focal);
    const refused = await createHandoverAction(
      null,
      form({ tenant: w.a.tenant.slug, toUserId: w.partnerFocal.user.id, until: "2999-01-01" }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { toUserId: { key: "handover.errors.notColleague" } } });
    const invalid = await createHandoverAction(null, form({ tenant: w.a.tenant.slug, toUserId: "", until: "soon" }));
    expect(invalid).toMatchObject({
      ok: false,
      fieldErrors: { toUserId: expect.anything(), until: expect.anything() },
    });
    const made = await createHandoverAction(
      null,
      form({ tenant: w.a.tenant.slug, toUserId: w.colleague.user.id, until: "2999-01-01" }),
    );
    expect(made).toMatchObject({ ok: true });
    const [h] = await listHandovers(w.a.ctx.focal);
    // Another tenant's member naming it: not found.
    signInAs(w.b.admin);
    expect(await revokeHandoverAction(null, form({ tenant: w.b.tenant.slug, handoverId: h.id }))).toMatchObject({
      ok: false,
      message: { key: "errors.notFound" },
    });
    signInAs(w.colleague.user);
    expect(await revokeHandoverAction(null, form({ tenant: w.a.tenant.slug, handoverId: h.id }))).toMatchObject({
      ok: true,
    });
  });
});

describe("the focal point role", () => {
  const membershipOf = async (userId: string, tenantId = w.a.tenant.id) =>
    (await getDb()).membership.findFirstOrThrow({ where: { userId, tenantId }, select: { id: true } });

  it("is set by an administrator, audited, and shown in the members list", async () => {
    const m = await membershipOf(w.colleague.user.id);
    await setFocalPointRole(w.a.ctx.admin, m.id, true);
    await setFocalPointRole(w.a.ctx.admin, m.id, true); // no change, no second event
    const row = (await listMembers(w.a.ctx.admin)).find((x) => x.id === m.id);
    expect(row?.primaryFocalPoint).toBe(true);
    expect(await focalOf(w.a.agency.id)).toEqual([w.colleague.user.id]);
    await setFocalPointRole(w.a.ctx.admin, m.id, false);
    const events = await (
      await getDb()
    ).auditEvent.findMany({
      where: { tenantId: w.a.tenant.id, action: "membership.focalPointChanged", entityId: m.id },
      select: { actorId: true, before: true, after: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toEqual([
      { actorId: w.a.admin.id, before: { primaryFocalPoint: false }, after: { primaryFocalPoint: true } },
      { actorId: w.a.admin.id, before: { primaryFocalPoint: true }, after: { primaryFocalPoint: false } },
    ]);
  });

  it("is refused to lower roles and other tenants, and only focal points have it", async () => {
    const m = await membershipOf(w.colleague.user.id);
    await expect(setFocalPointRole(w.a.ctx.coordinator, m.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setFocalPointRole(w.a.ctx.focal, m.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setFocalPointRole(w.b.ctx.admin, m.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await refusedWith(
      setFocalPointRole(w.a.ctx.admin, (await membershipOf(w.a.viewer.id)).id, true),
      "focalPoint.notFocalPoint",
    );
    expect((await listMembers(w.a.ctx.admin)).find((x) => x.id === m.id)?.primaryFocalPoint).toBe(false);
  });

  it("is set through its action by the tenant's administrator", async () => {
    const m = await membershipOf(w.colleague.user.id);
    signInAs(w.b.admin);
    expect(
      await setFocalPointRoleAction(null, form({ tenant: w.b.tenant.slug, membershipId: m.id, role: "primary" })),
    ).toMatchObject({ ok: false, message: { key: "errors.notFound" } });
    signInAs(w.a.admin);
    expect(
      await setFocalPointRoleAction(null, form({ tenant: w.a.tenant.slug, membershipId: m.id, role: "primary" })),
    ).toEqual({ ok: true, message: { key: "focalPoint.saved" } });
    expect((await listMembers(w.a.ctx.admin)).find((x) => x.id === m.id)?.primaryFocalPoint).toBe(true);
  });
});
