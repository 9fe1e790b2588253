// The overview across countries: a person in several tenants sees each of them (their active
// plan as of the latest opened period, counted by hand below), never a tenant they do not belong
// to or no longer do; a tenant without a plan has no figures. The chooser page shows it as a
// table, for people in two countries or more only.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import TenantChooserPage from "@/app/(app)/tenants/page";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/data/context";
import { countryOverview } from "@/lib/data/dashboard/overview";
import { listMembers, removeMember } from "@/lib/data/members";
import { setUserDisabled } from "@/lib/data/platform-users";
import type { CountryOverview } from "@/lib/domain/types/dashboard";
import { addMembership, createTenant, createUser, ctxFor } from "../factories";
import { OVERVIEW_TODAY, Q1_2026, Q2_2026, Q3_2026, Q3_2026_OPEN, countryWithPlan } from "../factories/overview";
import { htmlOf, renderPage, textOfHtml } from "../helpers/pages";
import { signInAs } from "../helpers/session";

type Country = Awaited<ReturnType<typeof countryWithPlan>>;
let a: Country;
let b: Country;
let c: Country;
const today = OVERVIEW_TODAY;
const year = "2026-01-01";
const yearEnd = "2026-12-31";

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    // Q2 opened on 16 June (due 15 July), Q3 opens after "today": as of Q2, with Q1 before it.
    countryWithPlan("Arcadia", { Q1: Q1_2026, Q2: Q2_2026, Q3: Q3_2026 }, [
      {
        pillar: "PREVENTION",
        start: year,
        end: yearEnd,
        updates: { Q1: { status: "IN_PROGRESS", percent: 20 }, Q2: { status: "IN_PROGRESS", percent: 60 } },
      },
      {
        pillar: "PREVENTION",
        start: year,
        end: yearEnd,
        updates: { Q1: { status: "IN_PROGRESS", percent: 50 }, Q2: { status: "COMPLETED", percent: 100 } },
      },
      // Due by 31 May, no Q2 report: still 40 % as of Q2, and overdue. Its Q1 report came late.
      {
        pillar: "PROTECTION",
        start: year,
        end: "2026-05-31",
        updates: { Q1: { status: "IN_PROGRESS", percent: 40, submitted: "2026-04-20T09:00:00Z" } },
      },
      // Nothing in Q1 (not started), delayed in Q2: at risk.
      { pillar: "PROTECTION", start: year, end: yearEnd, updates: { Q2: { status: "DELAYED", percent: 10 } } },
    ]),
    // One period only (no changes to show); a section with no pillar; two activities overdue.
    countryWithPlan("Borduria", { Q2: Q2_2026 }, [
      { pillar: null, start: year, end: yearEnd, updates: { Q2: { status: "IN_PROGRESS", percent: 30 } } },
      { pillar: "PARTNERSHIP", start: "2025-01-01", end: "2026-03-31" },
      { pillar: "PARTNERSHIP", start: "2025-01-01", end: "2026-03-31" },
    ]),
    // As of Q3, open since 1 July: its reports are due on 15 October.
    countryWithPlan("Carpathia", { Q3: Q3_2026_OPEN }, [
      {
        pillar: "PROSECUTION",
        start: year,
        end: yearEnd,
        updates: { Q3: { status: "COMPLETED", percent: 100, submitted: "2026-07-10T09:00:00Z" } },
      },
    ]),
  ]);
}, 120_000);
afterEach(() => {
  signInAs(null);
  vi.useRealTimers();
});

async function memberOf(...countries: { tenant: Country["tenant"] }[]): Promise<SessionUser> {
  const user = await createUser();
  for (const country of countries) await addMembership(user, country.tenant, "VIEWER");
  return user;
}

const slugs = (rows: CountryOverview[]) => rows.map((r) => r.tenant.slug);
const pillars = (row: CountryOverview) =>
  row.pillars.map((p) => ({ key: p.key, activities: p.activities, averagePercent: p.averagePercent }));

describe("countryOverview", () => {
  it("gives each tenant the person belongs to with its figures, and never another tenant", async () => {
    const person = await memberOf(b, a);
    const rows = await countryOverview(person, { today });
    expect(slugs(rows)).toEqual([a.tenant.slug, b.tenant.slug]);
    expect(slugs(rows)).not.toContain(c.tenant.slug);

    const [arcadia, borduria] = rows;
    expect(arcadia.tenant.name).toEqual({ en: "Arcadia" });
    expect(arcadia.view.plan?.title.en).toBe("National Action Plan of Arcadia 2025-2027");
    expect(arcadia.view.asOf?.id).toBe(a.periodIds.Q2);
    expect(arcadia.view.previous?.id).toBe(a.periodIds.Q1);
    // As of Q2 (day 30 June): 60 %, completed, 40 % and overdue (ended 31 May), delayed at 10 %.
    expect(arcadia.headline?.current).toMatchObject({
      activities: 4,
      completed: 1,
      completedShare: 25,
      averagePercent: 53, // (60 + 100 + 40 + 10) / 4 = 52.5
      overdue: 1,
      atRisk: 1,
    });
    // As of Q1 (day 31 March): 20, 50, 40 and not started; none behind its time by 25 points.
    expect(arcadia.headline?.previous).toMatchObject({
      activities: 4,
      completed: 0,
      completedShare: 0,
      averagePercent: 28, // (20 + 50 + 40 + 0) / 4 = 27.5
      overdue: 0,
      atRisk: 0,
    });
    // Q2: all four due, three reported on time. Q1: all four due, three reported, one late.
    expect(arcadia.headline?.compliance).toEqual({ due: 4, reported: 3, onTime: 3, reportedRate: 75, onTimeRate: 75 });
    expect(arcadia.headline?.previousCompliance).toEqual({
      due: 4,
      reported: 3,
      onTime: 2,
      reportedRate: 75,
      onTimeRate: 50,
    });
    expect(pillars(arcadia)).toEqual([
      { key: "PREVENTION", activities: 2, averagePercent: 80 },
      { key: "PROTECTION", activities: 2, averagePercent: 25 },
      { key: "PROSECUTION", activities: 0, averagePercent: null },
      { key: "PARTNERSHIP", activities: 0, averagePercent: null },
    ]);

    expect(borduria.view.previous).toBeNull();
    expect(borduria.headline?.previous).toBeNull();
    expect(borduria.headline?.current).toMatchObject({
      activities: 3,
      completedShare: 0,
      averagePercent: 10,
      overdue: 2,
      atRisk: 0,
    });
    // Only the first is due in Q2 (the other two ended in March).
    expect(borduria.headline?.compliance).toMatchObject({ due: 1, reported: 1, onTimeRate: 100 });
    expect(pillars(borduria).map((p) => p.key)).toEqual([
      "PREVENTION",
      "PROTECTION",
      "PROSECUTION",
      "PARTNERSHIP",
      "NONE",
    ]);
    expect(pillars(borduria).slice(3)).toEqual([
      { key: "PARTNERSHIP", activities: 2, averagePercent: 0 },
      { key: "NONE", activities: 1, averagePercent: 30 },
    ]);
  });

  it("gives a person in one tenant one row", async () => {
    const person = await memberOf(c);
    const rows = await countryOverview(person, { today });
    expect(slugs(rows)).toEqual([c.tenant.slug]);
    expect(rows[0].headline?.current).toMatchObject({ activities: 1, completed: 1, completedShare: 100 });
  });

  it("forgets a tenant the person was removed from, and gives a disabled person nothing", async () => {
    const person = await memberOf(a, b);
    const admin = await createUser({ tenant: b.tenant, role: "ADMIN" });
    const adminCtx = await ctxFor(admin, b.tenant);
    const membership = (await listMembers(adminCtx)).find((m) => m.userId === person.id)!;
    await removeMember(adminCtx, membership.id);
    expect(slugs(await countryOverview(person, { today }))).toEqual([a.tenant.slug]);

    await setUserDisabled(await createUser({ platformAdmin: true }), person.id, true);
    expect(await countryOverview(person, { today })).toEqual([]);
  });

  it("has no figures for a tenant without a plan, nor for a plan without periods", async () => {
    const noPlan = await createTenant({ name: "Dorne" });
    const noPeriods = await countryWithPlan("Elbonia", {}, [{ pillar: "PREVENTION", start: year, end: yearEnd }]);
    const person = await memberOf(a, { tenant: noPlan }, noPeriods);
    const rows = await countryOverview(person, { today });
    expect(slugs(rows)).toEqual([a.tenant.slug, noPlan.slug, noPeriods.tenant.slug]);
    const [, dorne, elbonia] = rows;
    expect(dorne).toMatchObject({ headline: null, pillars: [], view: { plan: null, asOf: null } });
    expect(elbonia).toMatchObject({ headline: null, pillars: [], view: { asOf: null } });
    expect(elbonia.view.plan?.id).toBe(noPeriods.planId);
  });
});

describe("the chooser page", () => {
  /** The page as HTML and as text, on "today" (the page counts as of the clock). */
  async function shown(person: SessionUser) {
    vi.useFakeTimers({ now: new Date("2026-07-20T10:00:00Z"), toFake: ["Date"] });
    signInAs(person);
    const page = await renderPage(TenantChooserPage, "/tenants");
    if (!("element" in page)) throw new Error(`expected the page, got ${JSON.stringify(page)}`);
    const html = await htmlOf(page.element);
    const rows = [...html.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => textOfHtml(m[0]));
    return { html, text: textOfHtml(html), rows };
  }

  it("compares the person's countries in a table above the chooser", async () => {
    const noPlan = await createTenant({ name: "Dorne" });
    const person = await memberOf(a, b, { tenant: noPlan });
    const { html, text, rows } = await shown(person);

    expect(text).toContain("Across countries");
    expect(text).toContain("3 countries; most overdue: Borduria (2)");
    expect(text.indexOf("Across countries")).toBeLessThan(text.indexOf("Your countries"));
    expect(textOfHtml(html.match(/<caption[\s\S]*?<\/caption>/)![0])).toBe(
      "Each country's active plan as of its latest opened reporting period",
    );
    // Headers: the figures, then a group of the pillars; "No pillar" because Borduria has such a section.
    expect(rows[0]).toBe(
      "Country Plan As of Activities Completed Average progress Overdue At risk Reporting (reported / due, on time) Average progress by pillar",
    );
    expect(rows[1]).toBe("Prevention Protection Prosecution Partnership No pillar");
    expect(html).toContain('scope="row"');
    expect(html).toContain(`href="/${a.tenant.slug}"`);

    const change = (sign: string, words: string) => `${sign} ${words} from Q1 2026`;
    expect(rows[2]).toBe(
      [
        "Arcadia",
        "National Action Plan of Arcadia 2025-2027",
        "Q2 2026",
        "4",
        "25%",
        change("▲ +25 pp", "up 25 points"),
        "53%",
        change("▲ +25 pp", "up 25 points"),
        "1",
        change("▲ +1", "up 1"),
        "1",
        change("▲ +1", "up 1"),
        "3 / 4 3 of 4 reported 75% on time",
        change("▲ +25 pp", "up 25 points"),
        "80% 25% — no activities — no activities — no figure",
      ].join(" "),
    );
    // No period before Q2 in Borduria: no changes.
    expect(rows[3]).toBe(
      [
        "Borduria",
        "National Action Plan of Borduria 2025-2027",
        "Q2 2026",
        "3 0% 10% 2 0",
        "1 / 1 1 of 1 reported 100% on time",
        "— no activities — no activities — no activities 0% 30%",
      ].join(" "),
    );
    // As of, the six figures and reporting, then the five pillars: no figure in any.
    expect(rows[4]).toBe(["Dorne No plan yet", ...Array(12).fill("— no figure")].join(" "));
    // Changes are coloured by whether they are good news, never by colour alone (the sign and words above).
    expect(html).toMatch(/text-red-800[^>]*><span aria-hidden="true">▲/);
    expect(html).toMatch(/text-green-800[^>]*><span aria-hidden="true">▲/);
  });

  it("says when a period's reports are due instead of an on-time rate while they are not yet", async () => {
    const person = await memberOf(b, c);
    const { rows } = await shown(person);
    expect(rows[2]).toBe(
      [
        "Borduria",
        "National Action Plan of Borduria 2025-2027",
        "Q2 2026 3 0% 10% 2 0 1 / 1 1 of 1 reported 100% on time",
        "— no activities — no activities — no activities 0% 30%",
      ].join(" "),
    );
    expect(rows[3]).toBe(
      [
        "Carpathia",
        "National Action Plan of Carpathia 2025-2027",
        "Q3 2026 1 100% 100% 0 0 1 / 1 1 of 1 reported due Oct 15, 2026",
        "— no activities — no activities 100% — no activities — no figure",
      ].join(" "),
    );
  });

  it("speaks the person's language", async () => {
    const person = await memberOf(a, b);
    await (await getDb()).user.update({ where: { id: person.id }, data: { locale: "ru" } });
    const { text } = await shown({ ...person, locale: "ru" });
    expect(text).toContain("По всем странам");
    expect(text).toContain("2 страны; больше всего просроченных: Borduria (2)");
    expect(text).toContain("на 25 пунктов больше, чем в периоде «Q1 2026 г.»");
  });

  it("stays the chooser alone for a person in one country", async () => {
    const person = await memberOf(c);
    const { text, rows } = await shown(person);
    expect(text).not.toContain("Across countries");
    expect(text).not.toContain("Your countries");
    expect(text).toContain("Choose a country");
    expect(text).toContain("Carpathia");
    expect(rows).toEqual([]);
  });
});
