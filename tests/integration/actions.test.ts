// The real server actions, through the one wrapper, with the session stubbed by signInAs():
// who may call them, what a refusal looks like to the form, and that refusals change nothing.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db";
import { archiveAgencyAction, createAgencyAction, updateAgencyAction } from "@/lib/actions/agencies";
import { acceptInvitationAction, setLocaleAction } from "@/lib/actions/auth";
import {
  changeRoleAction,
  createResetLinkAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/lib/actions/members";
import type { ActionResult } from "@/lib/actions/result";
import { createTenantAction, updateTenantSettingsAction } from "@/lib/actions/tenants";
import { unsafeFindInvitation } from "@/lib/data/invitations";
import {
  auditEventsFor,
  createPendingInvitation,
  createTenant,
  createTenantWithPeople,
  createUser,
  ctxFor,
  snapshotTenant,
} from "../factories";
import { form, signInAs } from "../helpers/session";

// Opening (and, on PGlite, migrating) the worker's database can take long on a busy machine:
// do it in a hook, not inside the first test's time budget.
beforeAll(async () => {
  await getDb();
}, 120_000);

type People = Awaited<ReturnType<typeof createTenantWithPeople>>;
type Action = (prev: null, formData: FormData) => Promise<ActionResult<unknown>>;
type Fields = Record<string, string | string[] | number>;

async function membershipId(userId: string, tenantId: string): Promise<string> {
  return (await (await getDb()).membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId, userId } } })).id;
}

/** Two tenants with their people, and a pending invitation in each. */
async function world() {
  const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
  const [invA, invB] = await Promise.all([
    createPendingInvitation(await ctxFor(a.admin, a.tenant)),
    createPendingInvitation(await ctxFor(b.admin, b.tenant)),
  ]);
  return { a, b, invA, invB };
}

/** Every tenant action with a valid form that names tenant `slug` and the records of `t`. */
const TENANT_ACTIONS: Record<
  string,
  { action: Action; fields: (slug: string, t: People, invitationId: string) => Promise<Fields> }
> = {
  inviteMemberAction: {
    action: inviteMemberAction,
    fields: async (slug, t) => ({
      tenant: slug,
      email: `fp-${t.agency.id}@example.test`,
      role: "FOCAL_POINT",
      agencyId: t.agency.id,
    }),
  },
  changeRoleAction: {
    action: changeRoleAction,
    fields: async (slug, t) => ({
      tenant: slug,
      membershipId: await membershipId(t.viewer.id, t.tenant.id),
      role: "ADMIN",
    }),
  },
  removeMemberAction: {
    action: removeMemberAction,
    fields: async (slug, t) => ({ tenant: slug, membershipId: await membershipId(t.viewer.id, t.tenant.id) }),
  },
  revokeInvitationAction: {
    action: revokeInvitationAction,
    fields: async (slug, _t, invitationId) => ({ tenant: slug, invitationId }),
  },
  createResetLinkAction: {
    action: createResetLinkAction,
    fields: async (slug, t) => ({ tenant: slug, membershipId: await membershipId(t.viewer.id, t.tenant.id) }),
  },
  createAgencyAction: {
    action: createAgencyAction,
    fields: async (slug) => ({ tenant: slug, "name.en": "Border Service", kind: "STATE_AGENCY" }),
  },
  updateAgencyAction: {
    action: updateAgencyAction,
    fields: async (slug, t) => ({
      tenant: slug,
      agencyId: t.agency.id,
      version: 1,
      "name.en": "Renamed",
      kind: "COURT",
    }),
  },
  archiveAgencyAction: {
    action: archiveAgencyAction,
    fields: async (slug, t) => ({ tenant: slug, agencyId: t.agency.id, archived: "true" }),
  },
  updateTenantSettingsAction: {
    action: updateTenantSettingsAction,
    fields: async (slug) => ({
      tenant: slug,
      "name.en": "Renamed country",
      "name.ru": "Переименованная страна",
      defaultLanguage: "ru",
      otherLanguages: ["en", "kk"],
    }),
  },
};
const NAMES = Object.keys(TENANT_ACTIONS);
/** The actions for administrators only: the members and the tenant's settings. */
const MEMBER_ACTIONS = [
  "inviteMemberAction",
  "changeRoleAction",
  "removeMemberAction",
  "revokeInvitationAction",
  "createResetLinkAction",
  "updateTenantSettingsAction",
];

async function call(name: string, fields: Fields) {
  return TENANT_ACTIONS[name].action(null, form(fields));
}

/** Everything written to the console during a test: a token must never be among it. */
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
});
afterEach(() => {
  signInAs(null);
  vi.restoreAllMocks();
});

describe("tenant actions refuse", () => {
  // Every test here asserts that nothing changed, so they can share one world (and stay fast).
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  it.each(NAMES)("%s: signed out -> errors.signedOut, nothing changes", async (name) => {
    const { a, invA } = w;
    const before = await snapshotTenant(a.tenant);
    signInAs(null);
    expect(await call(name, await TENANT_ACTIONS[name].fields(a.tenant.slug, a, invA.id))).toMatchObject({
      ok: false,
      message: { key: "errors.signedOut" },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it.each(NAMES)("%s: a tenant the person is not a member of -> errors.notFound, nothing changes", async (name) => {
    const { a, b, invA } = w;
    const before = await snapshotTenant(a.tenant);
    signInAs(b.admin);
    expect(await call(name, await TENANT_ACTIONS[name].fields(a.tenant.slug, a, invA.id))).toMatchObject({
      ok: false,
      message: { key: "errors.notFound" },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it.each(NAMES)("%s: a viewer -> errors.forbidden, nothing changes", async (name) => {
    const { a, invA } = w;
    const before = await snapshotTenant(a.tenant);
    signInAs(a.viewer);
    expect(await call(name, await TENANT_ACTIONS[name].fields(a.tenant.slug, a, invA.id))).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it.each(MEMBER_ACTIONS)("%s: a coordinator -> errors.forbidden", async (name) => {
    const { a, invA } = w;
    const before = await snapshotTenant(a.tenant);
    signInAs(a.coordinator);
    expect(await call(name, await TENANT_ACTIONS[name].fields(a.tenant.slug, a, invA.id))).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  // Settings name no record but the tenant itself, which the slug resolves from the membership.
  it.each(NAMES.filter((n) => !["createAgencyAction", "inviteMemberAction", "updateTenantSettingsAction"].includes(n)))(
    "%s: another tenant's record, named from the admin's own tenant -> errors.notFound, nothing changes",
    async (name) => {
      const { a, b, invB } = w;
      const [beforeA, beforeB] = await Promise.all([snapshotTenant(a.tenant), snapshotTenant(b.tenant)]);
      signInAs(a.admin);
      expect(await call(name, await TENANT_ACTIONS[name].fields(a.tenant.slug, b, invB.id))).toMatchObject({
        ok: false,
        message: { key: "errors.notFound" },
      });
      expect(await snapshotTenant(a.tenant)).toEqual(beforeA);
      expect(await snapshotTenant(b.tenant)).toEqual(beforeB);
    },
  );

  it("inviteMemberAction: a focal point with another tenant's agency -> a field error", async () => {
    const { a, b, invB } = w;
    const [beforeA, beforeB] = await Promise.all([snapshotTenant(a.tenant), snapshotTenant(b.tenant)]);
    signInAs(a.admin);
    const result = await call(
      "inviteMemberAction",
      await TENANT_ACTIONS.inviteMemberAction.fields(a.tenant.slug, b, invB.id),
    );
    expect(result).toMatchObject({
      ok: false,
      message: { key: "errors.invalidInput" },
      fieldErrors: { agencyId: { key: "validation.agencyRequired" } },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(beforeA);
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);
  });
});

describe("tenant actions do their job", () => {
  it("members: invite, change a role, revoke, remove, each audited", async () => {
    const { a, invA } = await world();
    signInAs(a.admin);
    const invited = await call(
      "inviteMemberAction",
      await TENANT_ACTIONS.inviteMemberAction.fields(a.tenant.slug, a, invA.id),
    );
    // Built from APP_URL, not from the request's Host (attacker.example in these tests); never logged.
    expect(invited).toMatchObject({
      ok: true,
      data: { link: expect.stringMatching(/^https:\/\/nap\.example\.gov\/invite\//) },
    });
    const token = (invited as { data: { link: string } }).data.link.split("/invite/")[1];
    expect(logged.join("\n")).not.toContain(token);
    expect(await (await getDb()).invitation.count({ where: { tokenHash: token } })).toBe(0);
    expect(await unsafeFindInvitation(token)).toMatchObject({
      role: "FOCAL_POINT",
      agencyName: { en: a.agency.name },
      tenantName: a.tenant.name,
    });

    const viewerMembership = await membershipId(a.viewer.id, a.tenant.id);
    expect(
      await call("changeRoleAction", { tenant: a.tenant.slug, membershipId: viewerMembership, role: "COORDINATOR" }),
    ).toEqual({ ok: true, message: { key: "members.roleSaved" } });
    expect(await call("revokeInvitationAction", { tenant: a.tenant.slug, invitationId: invA.id })).toMatchObject({
      ok: true,
    });
    expect(await call("removeMemberAction", { tenant: a.tenant.slug, membershipId: viewerMembership })).toMatchObject({
      ok: true,
    });

    const db = await getDb();
    expect(await db.membership.count({ where: { id: viewerMembership } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invA.id } })).revokedAt).not.toBeNull();
    expect((await auditEventsFor(viewerMembership)).map((e) => e.action).sort()).toEqual([
      "membership.removed",
      "membership.roleChanged",
    ]);
    expect((await auditEventsFor(invA.id)).map((e) => e.action)).toContain("invitation.revoked");
  });

  it("members: the last admin cannot step down", async () => {
    const { a } = await world();
    signInAs(a.admin);
    const fields = { tenant: a.tenant.slug, membershipId: await membershipId(a.admin.id, a.tenant.id), role: "VIEWER" };
    const before = await snapshotTenant(a.tenant);
    expect(await call("changeRoleAction", fields)).toMatchObject({
      ok: false,
      message: { key: "errors.lastAdmin" },
      values: fields,
    });
    expect(await call("removeMemberAction", fields)).toMatchObject({ ok: false, message: { key: "errors.lastAdmin" } });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("agencies: create, update, archive, each audited; a stale version answers errors.conflict with the saved record", async () => {
    const { a } = await world();
    signInAs(a.coordinator);
    expect(
      await call("createAgencyAction", {
        tenant: a.tenant.slug,
        "name.en": "Border Service",
        "name.ru": "Погранслужба",
        kind: "STATE_AGENCY",
      }),
    ).toEqual({ ok: true, message: { key: "agencies.created" } });
    const db = await getDb();
    const created = await db.agency.findFirstOrThrow({
      where: { tenantId: a.tenant.id, name: { path: ["en"], equals: "Border Service" } },
    });
    expect(created).toMatchObject({
      name: { en: "Border Service", ru: "Погранслужба" },
      shortName: {},
      kind: "STATE_AGENCY",
    });

    const update = {
      tenant: a.tenant.slug,
      agencyId: created.id,
      version: 1,
      "name.en": "State Border Service",
      kind: "STATE_AGENCY",
    };
    expect(await call("updateAgencyAction", update)).toMatchObject({ ok: true });
    const before = await snapshotTenant(a.tenant);
    const stale = await call("updateAgencyAction", { ...update, "name.en": "Overwritten" });
    expect(stale).toMatchObject({
      ok: false,
      message: { key: "errors.conflict" },
      current: { id: created.id, name: { en: "State Border Service" }, version: 2 },
      values: { "name.en": "Overwritten" },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);

    expect(
      await call("archiveAgencyAction", { tenant: a.tenant.slug, agencyId: created.id, archived: "true" }),
    ).toEqual({ ok: true, message: { key: "agencies.archivedDone" } });
    expect((await db.agency.findUniqueOrThrow({ where: { id: created.id } })).archivedAt).not.toBeNull();
    expect((await auditEventsFor(created.id)).map((e) => e.action).sort()).toEqual([
      "agency.archived",
      "agency.created",
      "agency.updated",
    ]);
  });
});

describe("updateTenantSettingsAction", () => {
  it("lets an administrator name the tenant in each language and choose its content languages, audited", async () => {
    const { a } = await world();
    signInAs(a.admin);
    const fields = {
      tenant: a.tenant.slug,
      "name.en": " Testland ",
      "name.tk": "Testlandiýa",
      defaultLanguage: "tk",
      // The default is not repeated, whatever the form posts.
      otherLanguages: ["ru", "tk", "en"],
    };
    expect(await call("updateTenantSettingsAction", fields)).toEqual({ ok: true, message: { key: "settings.saved" } });
    const db = await getDb();
    expect(await db.tenant.findUniqueOrThrow({ where: { id: a.tenant.id } })).toMatchObject({
      name: { en: "Testland", tk: "Testlandiýa" },
      contentLanguages: ["tk", "ru", "en"],
    });
    expect((await ctxFor(a.admin, a.tenant)).tenant).toMatchObject({
      name: { en: "Testland", tk: "Testlandiýa" },
      contentLanguages: ["tk", "ru", "en"],
    });
    expect(await auditEventsFor(a.tenant.id)).toEqual([
      expect.objectContaining({
        tenantId: a.tenant.id,
        actorId: a.admin.id,
        action: "tenant.settingsChanged",
        before: { name: a.tenant.name, contentLanguages: ["en", "ru"], agencySignOff: false },
        after: {
          name: { en: "Testland", tk: "Testlandiýa" },
          contentLanguages: ["tk", "ru", "en"],
          agencySignOff: false,
        },
      }),
    ]);
  });

  it("refuses a tenant with no name and a language nobody writes in; nothing is written", async () => {
    const { a } = await world();
    signInAs(a.admin);
    const before = await snapshotTenant(a.tenant);
    const result = await call("updateTenantSettingsAction", {
      tenant: a.tenant.slug,
      "name.en": "  ",
      "name.ru": "x".repeat(121),
      defaultLanguage: "fr",
      otherLanguages: "xx",
    });
    expect(result).toMatchObject({
      ok: false,
      message: { key: "errors.invalidInput" },
      fieldErrors: {
        "name.ru": { key: "validation.tooLong", values: { max: 120 } },
        defaultLanguage: { key: "validation.invalid" },
      },
      values: { "name.ru": "x".repeat(120), defaultLanguage: "fr" },
    });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toContain("otherLanguages");
    const blank = await call("updateTenantSettingsAction", {
      tenant: a.tenant.slug,
      "name.en": "  ",
      defaultLanguage: "en",
    });
    expect(blank).toMatchObject({ ok: false, fieldErrors: { name: { key: "validation.required" } } });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });
});

describe("invalid input", () => {
  it("returns field errors as translation keys and echoes what was typed; nothing is written", async () => {
    const { a } = await world();
    signInAs(a.admin);
    const before = await snapshotTenant(a.tenant);
    const fields = {
      tenant: a.tenant.slug,
      "name.en": "   ",
      "name.ru": "",
      "shortName.en": "x".repeat(41),
      kind: "SPACESHIP",
    };
    expect(await call("createAgencyAction", fields)).toEqual({
      ok: false,
      message: { key: "errors.invalidInput" },
      fieldErrors: {
        // A required text needs one language: the error is on the field; a too-long one on its language.
        name: { key: "validation.required", values: {} },
        "shortName.en": { key: "validation.tooLong", values: { max: 40 } },
        kind: { key: "validation.invalid", values: {} },
      },
      // Echoed as typed, but never longer than the field allows (lib/validation/echo.ts).
      values: { ...fields, "shortName.en": "x".repeat(40) },
    });
    const invite = await call("inviteMemberAction", { tenant: a.tenant.slug, email: "not-an-email", role: "KING" });
    expect(invite).toMatchObject({
      ok: false,
      fieldErrors: { email: { key: "validation.email" }, role: { key: "validation.role" } },
      values: { email: "not-an-email", role: "KING" },
    });
    const focal = await call("inviteMemberAction", {
      tenant: a.tenant.slug,
      email: "fp@example.test",
      role: "FOCAL_POINT",
    });
    expect(focal).toMatchObject({ ok: false, fieldErrors: { agencyId: { key: "validation.agencyRequired" } } });
    const version = await call("updateAgencyAction", {
      tenant: a.tenant.slug,
      agencyId: a.agency.id,
      version: "abc",
      "name.en": "X",
      kind: "NGO",
    });
    expect(version).toMatchObject({
      ok: false,
      fieldErrors: { version: { key: expect.stringMatching(/^validation\./) } },
    });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("never echoes a password or a token", async () => {
    const result = await acceptInvitationAction(
      null,
      form({ token: "t".repeat(40), hasAccount: "no", name: "", password: "short" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "validation.required" }, password: { key: "validation.passwordTooShort" } },
    });
    expect(result.ok === false && result.values).toEqual({ hasAccount: "no", name: "" });
  });
});

describe("createTenantAction", () => {
  const fields = (slug: string) => ({
    "name.en": "Republic of Testland",
    "name.ru": "Республика Тестландия",
    slug,
    countryCode: "tl",
    defaultLocale: "ru",
    adminEmail: "Minister@Testland.test",
  });

  it("lets a platform administrator create a tenant and invite its first administrator", async () => {
    const platform = await createUser({ platformAdmin: true });
    signInAs(platform);
    const slug = `testland-${platform.id.slice(-6).toLowerCase()}`;
    const result = await createTenantAction(null, form(fields(slug)));
    expect(result).toMatchObject({ ok: true, data: { slug } });
    const tenant = await (await getDb()).tenant.findUniqueOrThrow({ where: { slug } });
    expect(tenant).toMatchObject({
      name: { en: "Republic of Testland", ru: "Республика Тестландия" },
      countryCode: "TL",
      defaultLocale: "ru",
      contentLanguages: ["en", "ru"],
    });
    expect((result as { data: { link: string } }).data.link).toMatch(/^https:\/\/nap\.example\.gov\/invite\//);
    const token = (result as { data: { link: string } }).data.link.split("/invite/")[1];
    expect(logged.join("\n")).not.toContain(token);
    expect(await unsafeFindInvitation(token)).toMatchObject({
      email: "minister@testland.test",
      role: "ADMIN",
      tenantName: { en: "Republic of Testland", ru: "Республика Тестландия" },
    });
    expect((await auditEventsFor(tenant.id)).map((e) => e.action)).toEqual(["tenant.created"]);
  });

  it("is forbidden to anyone else, refuses a taken slug, and reports invalid fields", async () => {
    const taken = await createTenant();
    const { a } = await world();
    const db = await getDb();
    const takenBefore = await snapshotTenant(taken);
    const slug = `elsewhere-${a.tenant.id.slice(-6).toLowerCase()}`;
    signInAs(a.admin);
    expect(await createTenantAction(null, form(fields(slug)))).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    signInAs(null);
    expect(await createTenantAction(null, form(fields(slug)))).toMatchObject({
      ok: false,
      message: { key: "errors.signedOut" },
    });
    signInAs(await createUser({ platformAdmin: true }));
    expect(await createTenantAction(null, form(fields(taken.slug)))).toMatchObject({
      ok: false,
      fieldErrors: { slug: { key: "validation.slugTaken" } },
    });
    const invalid = await createTenantAction(
      null,
      form({ ...fields("Bad Slug!"), "name.en": " ", "name.ru": "", countryCode: "XYZ", adminEmail: "nope" }),
    );
    expect(invalid).toMatchObject({
      ok: false,
      fieldErrors: {
        name: { key: "validation.required" },
        slug: { key: "validation.slug" },
        countryCode: { key: "validation.countryCode" },
        adminEmail: { key: "validation.email" },
      },
      values: { slug: "Bad Slug!", countryCode: "XYZ" },
    });
    expect(await db.tenant.findUnique({ where: { slug } })).toBeNull();
    expect(await snapshotTenant(taken)).toEqual(takenBefore);
  });
});

describe("setLocaleAction", () => {
  it("stores the language on the signed-in person and in the cookie", async () => {
    const user = await createUser();
    signInAs(user);
    expect(await setLocaleAction(null, form({ locale: "ru" }))).toEqual({ ok: true });
    expect((await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ru");
    expect((await cookies()).get("NEXT_LOCALE")?.value).toBe("ru");
  });

  it("refuses a language the interface does not speak", async () => {
    const user = await createUser();
    signInAs(user);
    expect(await setLocaleAction(null, form({ locale: "xx" }))).toMatchObject({
      ok: false,
      fieldErrors: { locale: { key: expect.stringMatching(/^validation\./) } },
    });
    expect((await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBeNull();
  });
});
