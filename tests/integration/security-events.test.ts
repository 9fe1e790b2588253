// Who sees which security events: a tenant administrator those of their tenant's members (and
// their own tenant's resets), never another tenant's people nor unknown addresses; the platform
// administrator all of them; nobody else any.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createMemberPasswordReset } from "@/lib/data/password-resets";
import { listAllSecurityEvents, listTenantSecurityEvents } from "@/lib/data/security-events";
import { signOutEverywhere, unsafeStartSession } from "@/lib/data/sessions";
import { unsafeVerifyCredentials } from "@/lib/data/users";
import { ForbiddenError } from "@/lib/domain/errors";
import { createTenantWithPeople, createUser, ctxFor } from "../factories";

beforeAll(async () => {
  await getDb();
}, 120_000);

const client = { ip: "192.0.2.44", userAgent: "vitest" };

describe("security events", () => {
  it("a tenant administrator sees their members' events only", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    const ghost = `ghost-${randomUUID()}@example.test`;
    await unsafeStartSession(a.focal.id, client);
    await unsafeVerifyCredentials(a.viewer.email, "wrong-password", new Date(), client);
    await signOutEverywhere(b.viewer, client);
    await unsafeVerifyCredentials(ghost, "wrong-password", new Date(), client);
    const adminA = await ctxFor(a.admin, a.tenant);
    const membership = await (
      await getDb()
    ).membership.findFirstOrThrow({ where: { tenantId: a.tenant.id, userId: a.coordinator.id } });
    await createMemberPasswordReset(adminA, membership.id);

    const seen = await listTenantSecurityEvents(adminA);
    const summary = seen.map((e) => [e.action, e.subject]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["auth.signedIn", a.focal.email],
        ["auth.signInFailed", a.viewer.email],
        ["auth.passwordResetIssued", a.coordinator.email],
      ]),
    );
    expect(seen.find((e) => e.action === "auth.signInFailed")?.ip).toBe(client.ip);
    expect(summary.flat()).not.toContain(b.viewer.email);
    expect(summary.flat()).not.toContain(ghost);
    expect(seen.some((e) => e.subject === b.viewer.id)).toBe(false);

    const seenByB = await listTenantSecurityEvents(await ctxFor(b.admin, b.tenant));
    expect(seenByB.map((e) => e.subject)).toEqual(expect.arrayContaining([b.viewer.email]));
    expect(seenByB.map((e) => e.subject)).not.toEqual(expect.arrayContaining([a.focal.email]));
  });

  it("lower roles see none; the platform administrator sees all, including unknown addresses", async () => {
    const a = await createTenantWithPeople();
    for (const person of [a.coordinator, a.focal, a.viewer]) {
      await expect(listTenantSecurityEvents(await ctxFor(person, a.tenant))).rejects.toBeInstanceOf(ForbiddenError);
    }
    const ghost = `ghost-${randomUUID()}@example.test`;
    await unsafeVerifyCredentials(ghost, "wrong-password", new Date(), client);
    const platform = await createUser({ platformAdmin: true });
    expect((await listAllSecurityEvents(platform)).map((e) => e.subject)).toContain(ghost);
    await expect(listAllSecurityEvents(a.admin)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
