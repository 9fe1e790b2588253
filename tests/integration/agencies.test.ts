// Agencies: listed to members, managed by admins and coordinators, saved only over the version
// that was loaded, archived rather than deleted, and never reachable from another tenant.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  assertAgencyForRole,
  createAgency,
  getAgencyName,
  listAgencies,
  setAgencyArchived,
  updateAgency,
  type AgencyInput,
} from "@/lib/data/agencies";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { toTexts, type Texts } from "@/lib/domain/texts";
import {
  addActivity,
  auditEventsFor,
  createAgency as makeAgency,
  createPlan,
  createTenantWithPeople,
  ctxFor,
  snapshotTenant,
} from "../factories";

// Opening (and, on PGlite, migrating) the worker's database can take long on a busy machine:
// do it in a hook, not inside the first test's time budget.
beforeAll(async () => {
  await getDb();
}, 120_000);

const input = (overrides: Partial<AgencyInput> = {}): AgencyInput => ({
  name: { en: `Ministry of Interior ${Math.random().toString(36).slice(2, 8)}` },
  shortName: {},
  kind: "MINISTRY",
  ...overrides,
});

async function twoTenants() {
  const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
  const [adminA, coordinatorA] = await Promise.all([ctxFor(a.admin, a.tenant), ctxFor(a.coordinator, a.tenant)]);
  return { a, b, adminA, coordinatorA };
}

async function agencyRow(id: string) {
  return (await getDb()).agency.findUniqueOrThrow({ where: { id } });
}

describe("listAgencies", () => {
  it("lists this tenant's active agencies with their counts; archived ones on request", async () => {
    const { a, b, adminA } = await twoTenants();
    const plan = await createPlan(a.tenant, { activities: 2, leadAgencyId: a.agency.id });
    await addActivity(a.tenant, plan, { leadAgencyId: a.agency.id });
    const old = await makeAgency(a.tenant);
    await setAgencyArchived(adminA, old.id, true);

    const viewer = await ctxFor(a.viewer, a.tenant);
    const list = await listAgencies(viewer);
    expect(list.map((x) => x.id)).toEqual([a.agency.id]);
    expect(list[0]).toMatchObject({
      name: { en: a.agency.name },
      shortName: {},
      leads: 3,
      members: 1,
      archived: false,
      version: 1,
    });
    expect(list.some((x) => x.id === b.agency.id)).toBe(false);

    const all = await listAgencies(viewer, { includeArchived: true });
    expect(all.map((x) => x.id).sort()).toEqual([a.agency.id, old.id].sort());
    expect(all.find((x) => x.id === old.id)?.archived).toBe(true);
  });
});

describe("createAgency", () => {
  it("creates a trimmed agency with its Russian name, and audits it", async () => {
    const { a, coordinatorA } = await twoTenants();
    const { id } = await createAgency(
      coordinatorA,
      input({
        name: { en: "  Ministry of Labour ", ru: " Министерство труда " },
        shortName: { en: " MoL " },
        kind: "NGO",
      }),
    );
    expect(await agencyRow(id)).toMatchObject({
      tenantId: a.tenant.id,
      name: { en: "Ministry of Labour", ru: "Министерство труда" },
      shortName: { en: "MoL" },
      kind: "NGO",
      version: 1,
    });
    expect(await auditEventsFor(id)).toEqual([
      expect.objectContaining({
        tenantId: a.tenant.id,
        actorId: a.coordinator.id,
        action: "agency.created",
        after: expect.objectContaining({
          name: { en: "Ministry of Labour", ru: "Министерство труда" },
          shortName: { en: "MoL" },
        }),
      }),
    ]);
  });

  it("refuses a name this tenant already uses, in any case, but not another tenant's name", async () => {
    const { a, b, adminA } = await twoTenants();
    const before = await snapshotTenant(a.tenant);
    const error = await createAgency(adminA, input({ name: { en: ` ${a.agency.name.toUpperCase()} ` } })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RuleError);
    expect(error.fieldErrors).toEqual({ "name.en": { key: "validation.agencyNameTaken" } });
    expect(await snapshotTenant(a.tenant)).toEqual(before);

    const { id } = await createAgency(adminA, input({ name: { en: b.agency.name } }));
    expect((await agencyRow(id)).tenantId).toBe(a.tenant.id);
  });

  it("refuses a name another agency of this tenant carries in any language, naming the language", async () => {
    const { a, adminA } = await twoTenants();
    await createAgency(adminA, input({ name: { en: "Ministry of Justice", ru: "Министерство юстиции" } }));
    const before = await snapshotTenant(a.tenant);
    // The Russian text of the new one is the English name of an existing one.
    const across = await createAgency(
      adminA,
      input({ name: { en: "Justice Department", ru: a.agency.name.toLowerCase() } }),
    ).catch((e) => e);
    expect(across).toBeInstanceOf(RuleError);
    expect(across.fieldErrors).toEqual({ "name.ru": { key: "validation.agencyNameTaken" } });
    // Cyrillic in another case is the same name.
    const cased = await createAgency(adminA, input({ name: { en: "Justice", ru: "МИНИСТЕРСТВО ЮСТИЦИИ" } })).catch(
      (e) => e,
    );
    expect(cased).toBeInstanceOf(RuleError);
    expect(cased.fieldErrors).toEqual({ "name.ru": { key: "validation.agencyNameTaken" } });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("is forbidden to focal points and viewers", async () => {
    const { a } = await twoTenants();
    const before = await snapshotTenant(a.tenant);
    for (const person of [a.focal, a.viewer]) {
      await expect(createAgency(await ctxFor(person, a.tenant), input())).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });
});

describe("updateAgency", () => {
  it("saves over the loaded version, bumps it, and audits before and after", async () => {
    const { a, coordinatorA } = await twoTenants();
    await updateAgency(coordinatorA, a.agency.id, 1, input({ name: { en: "Renamed", ru: "Переименовано" } }));
    expect(await agencyRow(a.agency.id)).toMatchObject({
      name: { en: "Renamed", ru: "Переименовано" },
      version: 2,
    });
    expect(await auditEventsFor(a.agency.id)).toEqual([
      expect.objectContaining({
        actorId: a.coordinator.id,
        action: "agency.updated",
        before: expect.objectContaining({ name: { en: a.agency.name } }),
        after: expect.objectContaining({ name: { en: "Renamed", ru: "Переименовано" } }),
      }),
    ]);
  });

  it("refuses a stale version and says what the other person saved", async () => {
    const { a, adminA, coordinatorA } = await twoTenants();
    await updateAgency(coordinatorA, a.agency.id, 1, input({ name: { en: "Saved first" } }));
    const before = await snapshotTenant(a.tenant);
    const error = await updateAgency(adminA, a.agency.id, 1, input({ name: { en: "Saved second" } })).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.current).toMatchObject({ id: a.agency.id, name: { en: "Saved first" }, version: 2 });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });

  it("answers not found for another tenant's agency, which stays as it was", async () => {
    const { a, b, adminA } = await twoTenants();
    const [beforeA, beforeB] = await Promise.all([snapshotTenant(a.tenant), snapshotTenant(b.tenant)]);
    await expect(updateAgency(adminA, b.agency.id, 1, input({ name: { en: "Hijacked" } }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await snapshotTenant(a.tenant)).toEqual(beforeA);
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);
  });

  it("is forbidden to a viewer, and refuses a name in use", async () => {
    const { a, adminA } = await twoTenants();
    const other = await makeAgency(a.tenant);
    const before = await snapshotTenant(a.tenant);
    await expect(updateAgency(await ctxFor(a.viewer, a.tenant), a.agency.id, 1, input())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const clash = await updateAgency(adminA, a.agency.id, 1, input({ name: { en: other.name.toLowerCase() } })).catch(
      (e) => e,
    );
    expect(clash).toBeInstanceOf(RuleError);
    expect(clash.fieldErrors).toEqual({ "name.en": { key: "validation.agencyNameTaken" } });
    expect(await snapshotTenant(a.tenant)).toEqual(before);
  });
});

describe("setAgencyArchived", () => {
  it("archives and restores, auditing each", async () => {
    const { a, coordinatorA } = await twoTenants();
    await setAgencyArchived(coordinatorA, a.agency.id, true);
    expect((await agencyRow(a.agency.id)).archivedAt).not.toBeNull();
    await setAgencyArchived(coordinatorA, a.agency.id, false);
    expect((await agencyRow(a.agency.id)).archivedAt).toBeNull();
    expect((await auditEventsFor(a.agency.id)).map((e) => e.action).sort()).toEqual([
      "agency.archived",
      "agency.restored",
    ]);
  });

  it("answers not found for another tenant's agency, and is forbidden to a focal point", async () => {
    const { a, b, adminA } = await twoTenants();
    const [beforeA, beforeB] = await Promise.all([snapshotTenant(a.tenant), snapshotTenant(b.tenant)]);
    await expect(setAgencyArchived(adminA, b.agency.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAgencyArchived(await ctxFor(a.focal, a.tenant), a.agency.id, true)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await snapshotTenant(a.tenant)).toEqual(beforeA);
    expect(await snapshotTenant(b.tenant)).toEqual(beforeB);
  });
});

describe("assertAgencyForRole", () => {
  it("accepts only an active agency of this tenant for a focal point, and none for other roles", async () => {
    const { a, b, adminA } = await twoTenants();
    expect(await assertAgencyForRole(adminA, "FOCAL_POINT", a.agency.id)).toBe(a.agency.id);
    expect(await assertAgencyForRole(adminA, "COORDINATOR", a.agency.id)).toBeNull();
    await expect(assertAgencyForRole(adminA, "FOCAL_POINT", b.agency.id)).rejects.toBeInstanceOf(RuleError);
    await expect(assertAgencyForRole(adminA, "FOCAL_POINT", null)).rejects.toBeInstanceOf(RuleError);
  });
});

describe("agency names, under concurrency", () => {
  // On PGlite transactions take turns anyway. On PostgreSQL both requests would find the name
  // free; the lock on the tenant's agency names makes the second wait and then see the first's
  // row (a map of names has no unique key to back it).
  async function expectOneWins(requests: Promise<unknown>[]) {
    const results = await Promise.allSettled(requests);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    expect(refused.reason).toBeInstanceOf(RuleError);
    expect(refused.reason.fieldErrors).toEqual({ "name.en": { key: "validation.agencyNameTaken" } });
  }

  /** How many of the tenant's agencies carry this English name, whatever its case. */
  async function named(tenantId: string, name: Texts) {
    const rows = await (await getDb()).agency.findMany({ where: { tenantId }, select: { name: true } });
    const wanted = name.en?.toLowerCase();
    return rows.filter((r) => toTexts(r.name).en?.toLowerCase() === wanted).length;
  }

  it("creates one agency when two people create the same name, in different cases, at the same moment", async () => {
    const { a, b, adminA, coordinatorA } = await twoTenants();
    const name = input().name;
    await expectOneWins([
      createAgency(adminA, input({ name })),
      createAgency(coordinatorA, input({ name: { en: name.en?.toUpperCase() } })),
    ]);
    expect(await named(a.tenant.id, name)).toBe(1);
    // Another tenant's agency of that name is no clash, even at the same moment.
    const adminB = await ctxFor(b.admin, b.tenant);
    await Promise.all([
      createAgency(adminA, input({ name: { en: `${name.en} 2` } })),
      createAgency(adminB, input({ name: { en: `${name.en} 2` } })),
    ]);
  });

  it("creates one agency when two people create exactly the same name at the same moment", async () => {
    const { a, adminA, coordinatorA } = await twoTenants();
    const name = input().name;
    await expectOneWins([createAgency(adminA, input({ name })), createAgency(coordinatorA, input({ name }))]);
    expect(await named(a.tenant.id, name)).toBe(1);
  });

  it("gives a name to one agency when two are renamed to it at the same moment", async () => {
    const { a, adminA, coordinatorA } = await twoTenants();
    const other = await makeAgency(a.tenant);
    const name = input().name;
    await expectOneWins([
      updateAgency(adminA, a.agency.id, 1, input({ name })),
      updateAgency(coordinatorA, other.id, 1, input({ name: { en: name.en?.toLowerCase() } })),
    ]);
    expect(await named(a.tenant.id, name)).toBe(1);
  });
});

describe("getAgencyName", () => {
  it("names an agency of this tenant, and nothing of another tenant's", async () => {
    const { a, b } = await twoTenants();
    const focal = await ctxFor(a.focal, a.tenant);
    expect(await getAgencyName(focal, a.agency.id)).toEqual({ en: a.agency.name });
    expect(await getAgencyName(focal, b.agency.id)).toBeNull();
    expect(await getAgencyName(focal, "no-such-agency")).toBeNull();
  });
});
