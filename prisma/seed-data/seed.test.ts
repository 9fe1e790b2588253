// The demo as a newcomer meets it: every audit row fits its action's schema, the active plan has a
// period open today, and the demo focal point and coordinator find work and unread notifications.
import { describe, expect, it } from "vitest";
import { checkAuditPayload } from "@/lib/data/audit";
import type { AuditAction } from "@/lib/domain/audit-actions";
import { periodStatus } from "@/lib/domain/periods";
import { buildDemo } from "./builder";
import { DEMO_SIGN_INS, DEMO_TENANTS } from "./index";
import { tinyPdf } from "./reporting";
import { USERS } from "./users";

const TODAY = new Date("2026-12-01T09:00:00Z");
const rows = buildDemo(DEMO_TENANTS, USERS, "hash", TODAY);
const userId = (email: string) => rows.users.find((u) => u.email === email)!.id!;
const day = (d: Date | string) => new Date(d);

describe("the demo data", () => {
  it("writes audit payloads that fit their schemas", () => {
    for (const a of rows.audits)
      expect(() => checkAuditPayload(a.action as AuditAction, a.before ?? null, a.after ?? null)).not.toThrow();
  });

  it("has a period of the active Turkmen plan open today, and one locked before it", () => {
    const tm = rows.tenants.find((t) => t.slug === "turkmenistan")!;
    const active = rows.plans.find((p) => p.tenantId === tm.id && p.status === "ACTIVE")!;
    const states = rows.periods
      .filter((p) => p.planId === active.id)
      .map(
        (p) =>
          periodStatus(
            {
              startDate: day(p.startDate),
              endDate: day(p.endDate),
              opensOn: day(p.opensOn),
              dueDate: day(p.dueDate),
              locksOn: day(p.locksOn),
              closedAt: p.closedAt ? day(p.closedAt) : null,
              reopenedUntil: null,
            },
            new Date("2026-12-01"),
          ).state,
      );
    expect(states.at(-1)).toBe("OPEN");
    expect(states.at(-2)).toBe("LOCKED");
  });

  it("gives the demo focal point a returned update, with an exception to fix it, and unread notifications", () => {
    const focal = userId("focal.mia@tm.example.org");
    const kinds = rows.notifications.filter((n) => n.userId === focal).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["update.returned", "exception.granted"]));
    const returned = rows.updates.find((u) => u.authorId === focal && u.status === "RETURNED")!;
    expect(rows.exceptions.some((e) => e.activityId === returned.activityId && e.periodId === returned.periodId)).toBe(
      true,
    );
    const coordinator = userId("coordinator@tm.example.org");
    expect(
      rows.notifications.filter((n) => n.userId === coordinator && n.kind === "update.submitted").length,
    ).toBeGreaterThan(0);
    expect(rows.memberships.find((m) => m.userId === focal)?.primaryFocalPoint).toBe(true);
    // Each says who acted: "Maral Annayeva returned the update ...".
    for (const n of rows.notifications) expect((n.payload as { by?: string }).by, n.kind).toBeTruthy();
  });

  it("gives the IOM person several countries to compare, each with an active plan and an update approved in an opened period", () => {
    const iom = userId("iom@example.org");
    const tenantIds = rows.memberships.filter((m) => m.userId === iom).map((m) => m.tenantId);
    expect(tenantIds.length).toBeGreaterThanOrEqual(2);
    expect(DEMO_SIGN_INS.map((s) => s.email)).toContain("iom@example.org");
    for (const tenantId of tenantIds) {
      const slug = rows.tenants.find((t) => t.id === tenantId)!.slug;
      const active = rows.plans.find((p) => p.tenantId === tenantId && p.status === "ACTIVE");
      expect(active, slug).toBeDefined();
      const opened = rows.periods.filter((p) => p.planId === active!.id && day(p.opensOn) <= TODAY).map((p) => p.id!);
      expect(opened.length, slug).toBeGreaterThan(0);
      const approved = rows.updates.filter((u) => u.status === "APPROVED" && opened.includes(u.periodId));
      expect(approved.length, slug).toBeGreaterThan(0);
    }
  });

  it("counts a few indicators per period: a value in every update, adding up to no more than the target", () => {
    const perPeriod = rows.indicators.filter((i) => i.valueKind === "PER_PERIOD");
    expect(perPeriod.length).toBeGreaterThanOrEqual(3);
    for (const i of perPeriod) {
      const updates = rows.updates.filter((u) => u.activityId === i.activityId && u.status !== "DRAFT");
      const values = rows.values.filter((v) => v.indicatorId === i.id);
      expect(values.map((v) => v.progressUpdateId).sort(), JSON.stringify(i.name)).toEqual(
        updates.map((u) => u.id).sort(),
      );
      const sum = values.reduce((a, v) => a + Number(v.value), 0);
      expect(sum).toBeGreaterThan(0);
      expect(sum).toBeLessThanOrEqual(Number(i.target));
    }
  });

  it("has narratives in English and Russian, and evidence that is a PDF with its checksum", () => {
    expect(rows.updates.some((u) => (u.achievements as Record<string, string>).ru)).toBe(true);
    expect(rows.evidence.length).toBeGreaterThan(0);
    for (const e of rows.evidence) {
      const file = rows.files.find((f) => f.key === e.storageKey)!;
      expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe("%PDF-");
      expect(file.bytes.byteLength).toBe(e.size);
    }
    expect(new TextDecoder().decode(tinyPdf("x"))).toMatch(/%%EOF\n$/);
  });
});
