import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { ActivitySnapshot } from "./activity-rules";
import { AUDIT_ACTIONS, activityOfEvent, type AuditAction } from "./audit-actions";
import {
  ActivitySnapshotSchema,
  AUDIT_PAYLOADS,
  IndicatorForEditSchema,
  IndicatorValuesSchema,
  payloadFieldKind,
  payloadIssues,
  refsIn,
  type AuditPayload,
} from "./audit-payloads";
import type { IndicatorForEdit, IndicatorInput } from "./types/indicators";

const activity: ActivitySnapshot = {
  objectiveId: "obj-1",
  code: "1.1.1",
  title: { en: "Train border officers" },
  description: {},
  expectedResults: {},
  leadAgencyId: "agency-1",
  partnerAgencyIds: ["agency-2", "agency-3"],
  plannedStart: "2026-01-01",
  plannedEnd: "2026-06-30",
  budget: "25000.5",
  currency: "USD",
  fundingSource: {},
  status: "IN_PROGRESS",
  percentComplete: 40,
};
const indicator: IndicatorInput = {
  name: { en: "Officers trained", ru: "Обучено сотрудников" },
  unit: "NUMBER",
  unitLabel: {},
  baseline: "0",
  baselineYear: 2025,
  baselineSource: {},
  target: "120",
  targetYear: 2027,
  direction: "INCREASE",
  valueKind: "PER_PERIOD",
  disaggregation: [{ dimension: "sex", categories: ["female", "male"] }],
};
const stored = { id: "ind-1", version: 3, archived: false };
const plan = {
  title: { en: "NAP 2025-2029", ru: "НПД 2025-2029" },
  description: {},
  startDate: "2025-01-01",
  endDate: "2029-12-31",
  status: "ACTIVE",
  predecessorId: null,
};
const section = { code: "1", title: { en: "Prevention", ru: "Предупреждение" }, pillar: "PREVENTION" };
const sectionView = { id: "sec-1", version: 2, code: "1", title: { en: "Prevention" }, pillar: null };
const objective = { code: "1.1", title: { en: "Awareness" }, sectionId: "sec-1" };
const objectiveView = { id: "obj-1", version: 1, sectionId: "sec-1", code: "1.1", title: { en: "Awareness" } };
const agency = { name: { en: "Ministry of Labour" }, shortName: {}, kind: "MINISTRY" };
const invitee = { email: "a@example.org", role: "FOCAL_POINT", agencyId: "agency-1" };
const client = { ip: "203.0.113.7", userAgent: "Firefox" };
const moved = { before: { position: 2 }, after: { position: 1 } };
const flag = (archived: boolean) => ({ before: { archived: !archived }, after: { archived } });
const ofActivity = { activityId: "act-1" };
const period = {
  planId: "plan-1",
  label: { en: "Q2 2026", ru: "II квартал 2026" },
  startDate: "2026-04-01",
  endDate: "2026-06-30",
  opensOn: "2026-06-16",
  dueDate: "2026-07-15",
  locksOn: "2026-07-30",
};
const exception = { periodId: "per-1", agencyId: null, activityId: "act-1", until: "2026-08-15" };
const step = { ...ofActivity, periodId: "per-1" };
const update = {
  ...step,
  activityStatus: "IN_PROGRESS",
  percentComplete: 40,
  achievements: { en: "Trained 40 officers" },
  challenges: {},
  nextSteps: { ru: "Второй курс" },
  noChange: false,
  values: [
    {
      indicatorId: "ind-1",
      value: "40",
      numerator: null,
      denominator: null,
      breakdown: { sex: { female: 22, male: 18 } },
      note: null,
    },
  ],
};
const evidence = {
  updateId: "upd-1",
  fileName: "attendance.pdf",
  contentType: "application/pdf",
  size: 12345,
  sha256: "a".repeat(64),
  access: "RESTRICTED",
};
const handover = { agencyId: "agency-1", fromUserId: "u-1", toUserId: "u-2", until: "2026-09-30" };

/** One payload each action's writer really records (lib/data/), as stored. */
const SAMPLES: Record<AuditAction, { before?: object; after?: object }> = {
  "tenant.created": {
    after: {
      slug: "tm",
      name: { en: "Turkmenistan" },
      countryCode: "TM",
      defaultLocale: "ru",
      adminEmail: "a@example.org",
    },
  },
  "tenant.settingsChanged": {
    before: { name: { en: "Turkmenistan" }, contentLanguages: ["en", "ru"], agencySignOff: false },
    after: {
      name: { en: "Turkmenistan", tk: "Türkmenistan" },
      contentLanguages: ["tk", "ru", "en"],
      agencySignOff: true,
    },
  },
  "demo.seeded": { after: { slug: "tm", plans: 2, activities: 40 } },
  "plan.created": { after: { ...plan, sections: ["1. Prevention", "2. Protection"] } },
  "plan.updated": { before: plan, after: { ...plan, title: { en: "NAP", ru: "НПД" } } },
  "plan.activated": { before: { ...plan, status: "DRAFT" }, after: plan },
  "plan.closed": { before: plan, after: { ...plan, status: "CLOSED", predecessorId: "plan-0" } },
  "plan.archived": { before: { status: "DRAFT" } },
  "plan.deleted": { before: plan },
  "section.created": { after: { ...section, planId: "plan-1", position: 5 } },
  "section.updated": { before: section, after: { ...section, pillar: null } },
  "section.moved": moved,
  "section.archived": { before: sectionView },
  "section.restored": {},
  "section.deleted": { before: sectionView },
  "objective.created": { after: { ...objective, position: 3 } },
  "objective.updated": { before: objective, after: { ...objective, sectionId: "sec-2" } },
  "objective.moved": moved,
  "objective.archived": { before: objectiveView },
  "objective.restored": {},
  "objective.deleted": { before: objectiveView },
  "activity.created": { after: activity },
  "activity.updated": {
    before: { plannedEnd: "2026-06-30", leadAgencyId: "agency-1" },
    after: { plannedEnd: null, leadAgencyId: "agency-2" },
  },
  "activity.moved": moved,
  "activity.archived": flag(true),
  "activity.restored": flag(false),
  "activity.deleted": { before: { ...activity, indicators: [{ ...stored, ...indicator }] } },
  "indicator.created": { after: { ...ofActivity, ...indicator } },
  "indicator.updated": {
    before: { ...ofActivity, target: "120", targetYear: 2027 },
    after: { ...ofActivity, target: "150", targetYear: null },
  },
  "indicator.archived": { before: { ...ofActivity, archived: false }, after: { ...ofActivity, archived: true } },
  "indicator.restored": { before: { ...ofActivity, archived: true }, after: { ...ofActivity, archived: false } },
  "indicator.deleted": { before: { ...ofActivity, ...stored, ...indicator } },
  "agency.created": { after: agency },
  "agency.updated": {
    before: agency,
    after: { ...agency, name: { en: "Ministry of Labour", ru: "Минтруд" }, shortName: { en: "MoL" } },
  },
  "agency.archived": {},
  "agency.restored": {},
  "invitation.created": { after: invitee },
  "invitation.replaced": {},
  "invitation.revoked": {},
  "invitation.accepted": { after: { ...invitee, role: "ADMIN", agencyId: null } },
  "membership.roleChanged": {
    before: { role: "VIEWER", agencyId: null },
    after: { role: "FOCAL_POINT", agencyId: "a" },
  },
  "membership.removed": { before: invitee },
  "membership.focalPointChanged": { before: { primaryFocalPoint: false }, after: { primaryFocalPoint: true } },
  "period.created": { after: period },
  "period.updated": { before: { dueDate: "2026-07-15" }, after: { dueDate: "2026-07-20", label: { en: "Q2 2026" } } },
  "period.deleted": { before: period },
  "period.closed": {},
  "period.reopened": { after: { reopenedUntil: "2026-08-10" } },
  "period.locked": { after: { locksOn: "2026-07-30" } },
  "exception.granted": { after: exception },
  "exception.revoked": { before: exception },
  "update.submitted": { after: update },
  "update.signedOff": { after: step },
  "update.approved": { after: step },
  "update.returned": { after: step },
  "update.reopened": { after: step },
  "contribution.saved": { after: { ...ofActivity, agencyId: "agency-2", note: { ru: "Предоставили тренеров" } } },
  "evidence.added": { after: evidence },
  "evidence.removed": { before: evidence },
  "handover.created": { after: handover },
  "handover.revoked": { before: handover },
  "job.ran": { after: { job: "daily", day: "2026-07-01", counts: { notifications: 12, periodsLocked: 1 } } },
  "auth.signedIn": { after: { ...client, sessionId: "s-1" } },
  "auth.signInFailed": { after: { ...client, during: "passwordChange" } },
  "auth.signInRefused": { after: { ...client, why: "disabled" } },
  "auth.lockedOut": { after: { ...client, seconds: 60, attempts: 5 } },
  "auth.clientLockedOut": { after: { ...client, seconds: 60 } },
  "auth.signedOut": { after: { ...client, sessionId: "s-1" } },
  "auth.signedOutEverywhere": { after: { ...client, sessions: 2 } },
  "auth.sessionRevoked": { after: { ip: "unknown", userAgent: null, sessionId: "s-1" } },
  "auth.passwordChanged": { after: { ...client, otherSessionsEnded: 1 } },
  "auth.passwordResetIssued": { after: { validHours: 24 } },
  "auth.passwordReset": { after: { ...client, sessionsEnded: 0 } },
  "user.disabled": { after: { ...client, sessionsEnded: 3 } },
  "user.enabled": { after: client },
  "user.localeChanged": { after: { ...client, from: null, to: "ru" } },
};

describe("AUDIT_PAYLOADS", () => {
  it("has an entry for every action, and none for anything else", () => {
    expect(Object.keys(AUDIT_PAYLOADS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each(AUDIT_ACTIONS)("%s: what its writer records fits", (action) => {
    const { before, after } = SAMPLES[action];
    expect(payloadIssues(action, before, after)).toEqual([]);
  });

  it.each(AUDIT_ACTIONS)("%s: a field nobody declared, a missing side or an extra one does not fit", (action) => {
    const { before, after } = SAMPLES[action];
    for (const side of ["before", "after"] as const) {
      const sample = SAMPLES[action][side];
      const other = side === "before" ? after : before;
      const pair = (v: unknown) => (side === "before" ? [v, other] : [other, v]);
      if (sample) {
        expect(payloadIssues(action, ...(pair({ ...sample, surprise: 1 }) as [unknown, unknown]))).toEqual([
          `${side}: Unrecognized key: "surprise"`,
        ]);
        expect(payloadIssues(action, ...(pair(undefined) as [unknown, unknown]))).toEqual([
          `${side}: ${action} records one`,
        ]);
      } else {
        expect(payloadIssues(action, ...(pair({}) as [unknown, unknown]))).toEqual([`${side}: ${action} records none`]);
      }
    }
  });

  it("refuses values of the wrong kind, naming the path and never the value", () => {
    const wrong = { ...activity, leadAgencyId: 7, plannedEnd: "2026-02-30", budget: "lots", status: "DONE" };
    const issues = payloadIssues("activity.created", undefined, wrong);
    expect(issues.map((i) => i.split(":")[0])).toEqual([
      "after.leadAgencyId",
      "after.plannedEnd",
      "after.budget",
      "after.status",
    ]);
    expect(issues.join(" ")).not.toContain("lots");
    // Content is a map by language: a bare string, or a language nobody writes in, does not fit.
    expect(
      payloadIssues("activity.updated", { title: "Old title" }, { title: { xx: "New" } }).map((i) => i.split(":")[0]),
    ).toEqual(["before.title", "after.title"]);
    expect(payloadIssues("indicator.updated", { target: "1" }, { ...ofActivity, target: "2" })).toEqual([
      "before.activityId: Invalid input: expected string, received undefined",
    ]);
    expect(
      payloadIssues("indicator.created", undefined, { ...ofActivity, ...indicator, disaggregation: [{ x: 1 }] }),
    ).not.toEqual([]);
    expect(
      payloadIssues(
        "indicator.updated",
        { ...ofActivity, valueKind: "CUMULATIVE" },
        { ...ofActivity, valueKind: "SOMETIMES" },
      ).map((i) => i.split(":")[0]),
    ).toEqual(["after.valueKind"]);
    expect(
      payloadIssues(
        "membership.roleChanged",
        { role: "OWNER", agencyId: null },
        SAMPLES["membership.roleChanged"].after,
      ),
    ).toHaveLength(1);
  });

  it("keeps the schemas and the types the writers use the same", () => {
    expectTypeOf<z.infer<typeof ActivitySnapshotSchema>>().toEqualTypeOf<ActivitySnapshot>();
    expectTypeOf<z.infer<typeof IndicatorValuesSchema>>().toEqualTypeOf<IndicatorInput>();
    expectTypeOf<z.infer<typeof IndicatorForEditSchema>>().toEqualTypeOf<IndicatorForEdit>();
    expectTypeOf<AuditPayload<"activity.updated", "after">>().toEqualTypeOf<Partial<ActivitySnapshot>>();
    expectTypeOf<AuditPayload<"agency.archived", "before">>().toEqualTypeOf<undefined>();
  });
});

describe("what the schemas say a field holds", () => {
  it("names ids, days, amounts, years, percentages, value lists and breakdowns", () => {
    expect(payloadFieldKind("activity.updated", "leadAgencyId")).toEqual({ kind: "ref", entity: "Agency" });
    expect(payloadFieldKind("activity.updated", "partnerAgencyIds")).toEqual({ kind: "ref", entity: "Agency" });
    expect(payloadFieldKind("activity.created", "objectiveId")).toEqual({ kind: "ref", entity: "Objective" });
    expect(payloadFieldKind("activity.deleted", "plannedEnd")).toEqual({ kind: "day" });
    expect(payloadFieldKind("activity.updated", "budget")).toEqual({ kind: "amount" });
    expect(payloadFieldKind("activity.updated", "percentComplete")).toEqual({ kind: "percent" });
    expect(payloadFieldKind("activity.updated", "status")).toEqual({ kind: "enum", of: "ActivityStatus" });
    expect(payloadFieldKind("indicator.updated", "targetYear")).toEqual({ kind: "year" });
    expect(payloadFieldKind("indicator.created", "disaggregation")).toEqual({ kind: "breakdown" });
    expect(payloadFieldKind("indicator.updated", "valueKind")).toEqual({ kind: "enum", of: "IndicatorValueKind" });
    expect(payloadFieldKind("indicator.deleted", "activityId")).toEqual({ kind: "ref", entity: "Activity" });
    expect(payloadFieldKind("invitation.created", "agencyId")).toEqual({ kind: "ref", entity: "Agency" });
    expect(payloadFieldKind("objective.updated", "sectionId")).toEqual({ kind: "ref", entity: "Section" });
    expect(payloadFieldKind("plan.updated", "predecessorId")).toEqual({ kind: "ref", entity: "Plan" });
  });

  it("names content in every language", () => {
    expect(payloadFieldKind("activity.updated", "title")).toEqual({ kind: "texts" });
    expect(payloadFieldKind("activity.updated", "fundingSource")).toEqual({ kind: "texts" });
    expect(payloadFieldKind("indicator.created", "name")).toEqual({ kind: "texts" });
    expect(payloadFieldKind("agency.updated", "shortName")).toEqual({ kind: "texts" });
    expect(payloadFieldKind("tenant.settingsChanged", "name")).toEqual({ kind: "texts" });
  });

  it("says nothing of plain fields, unknown fields and unknown actions: no guessing from a name", () => {
    expect(payloadFieldKind("activity.updated", "code")).toBeNull();
    expect(payloadFieldKind("activity.updated", "currency")).toBeNull();
    expect(payloadFieldKind("tenant.settingsChanged", "contentLanguages")).toBeNull();
    expect(payloadFieldKind("activity.updated", "position")).toBeNull();
    expect(payloadFieldKind("activity.moved", "objectiveId")).toBeNull();
    expect(payloadFieldKind("activity.imported", "leadAgencyId")).toBeNull();
    expect(payloadFieldKind("activity.updated", "constructor")).toBeNull();
    expect(payloadFieldKind("toString", "leadAgencyId")).toBeNull();
  });

  it("finds ids only where the schema declares them and the value fits", () => {
    expect(refsIn("activity.updated", "partnerAgencyIds", ["a", "b"], "Agency")).toEqual(["a", "b"]);
    expect(refsIn("activity.updated", "leadAgencyId", "a", "Agency")).toEqual(["a"]);
    expect(refsIn("activity.updated", "leadAgencyId", null, "Agency")).toEqual([]);
    expect(refsIn("activity.updated", "leadAgencyId", 7, "Agency")).toEqual([]);
    expect(refsIn("activity.updated", "leadAgencyId", "a", "Objective")).toEqual([]);
    expect(refsIn("activity.updated", "fundingSource", "a", "Agency")).toEqual([]);
    expect(refsIn("activity.imported", "leadAgencyId", "a", "Agency")).toEqual([]);
  });

  it("finds the activity of an event from its entity or its payload's activity id", () => {
    const e = { entityType: "Indicator", entityId: "ind-1" };
    expect(activityOfEvent({ ...e, action: "activity.updated", entityType: "Activity", entityId: "act-9" })).toBe(
      "act-9",
    );
    expect(activityOfEvent({ ...e, action: "indicator.deleted", before: { ...ofActivity, name: "x" } })).toBe("act-1");
    expect(activityOfEvent({ ...e, action: "indicator.updated", before: { target: "1" }, after: ofActivity })).toBe(
      "act-1",
    );
    // activityId is declared an activity id by the indicator events, not by the invented one.
    expect(activityOfEvent({ ...e, action: "indicator.imported", after: ofActivity })).toBeNull();
    expect(activityOfEvent({ ...e, action: "indicator.deleted", before: { activityId: 1 } })).toBeNull();
    expect(activityOfEvent({ ...e, action: "indicator.deleted", before: null })).toBeNull();
  });
});
