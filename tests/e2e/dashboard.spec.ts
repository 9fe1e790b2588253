// The dashboard end to end: a plan of its own (a Protection section and a section mapped to no
// pillar, two activities, an open period, one update submitted by the focal point) is made in the
// database, so the figures are known whatever the demo holds. The coordinator sees the submitted
// update only with the switch, marked as not approved; approves it on its report page; and the
// Protection row's figures change. The commission member (a viewer) gets no switch, and the same
// figures with ?submitted=1. A screenshot of the dashboard is kept with the results.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { USERS, adminUrl, dayFromToday as day, e2eId as id, signIn, signedInContext } from "./helpers";

interface World {
  planId: string;
  planTitle: string;
  periodId: string;
  reported: string;
}

async function makeWorld(): Promise<World> {
  const client = new pg.Client({ connectionString: adminUrl()! });
  await client.connect();
  try {
    const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[];
    const [tm] = await q<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'turkmenistan'`);
    const [focal] = await q<{ userId: string; agencyId: string }>(
      `SELECT m."userId", m."agencyId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m."tenantId" = $2`,
      [USERS.focalPoint, tm.id],
    );
    const planId = id();
    const planTitle = `E2E dashboard plan ${randomBytes(3).toString("hex")}`;
    await q(
      `INSERT INTO "Plan" (id, "tenantId", title, "startDate", "endDate", status, "updatedAt")
       VALUES ($1, $2, $3::jsonb, $4, $5, 'DRAFT', now())`,
      [planId, tm.id, JSON.stringify({ en: planTitle, ru: planTitle }), day(-200), day(500)],
    );
    const protection = id();
    const other = id();
    await q(
      `INSERT INTO "Section" (id, "tenantId", "planId", code, title, pillar, position, "updatedAt") VALUES
       ($1, $3, $4, '1', '{"en":"Protection of victims"}'::jsonb, 'PROTECTION', 0, now()),
       ($2, $3, $4, '2', '{"en":"Coordination"}'::jsonb, NULL, 1, now())`,
      [protection, other, tm.id, planId],
    );
    const o1 = id();
    const o2 = id();
    await q(
      `INSERT INTO "Objective" (id, "tenantId", "planId", "sectionId", code, title, position, "updatedAt") VALUES
       ($1, $3, $4, $5, '1.1', '{"en":"Identify victims"}'::jsonb, 0, now()),
       ($2, $3, $4, $6, '2.1', '{"en":"Coordinate"}'::jsonb, 0, now())`,
      [o1, o2, tm.id, planId, protection, other],
    );
    const reported = id();
    const quiet = id();
    const third = id();
    await q(
      `INSERT INTO "Activity" (id, "tenantId", "planId", "objectiveId", code, title, "leadAgencyId", "plannedStart", "plannedEnd", position, "updatedAt") VALUES
       ($1, $4, $5, $6, '1.1.1', '{"en":"Train border guards"}'::jsonb, $8, $9, $10, 0, now()),
       ($2, $4, $5, $6, '1.1.2', '{"en":"Open a shelter"}'::jsonb, $8, $9, $10, 1, now()),
       ($3, $4, $5, $7, '2.1.1', '{"en":"Meet quarterly"}'::jsonb, $8, $9, $10, 0, now())`,
      [reported, quiet, third, tm.id, planId, o1, o2, focal.agencyId, day(-100), day(400)],
    );
    const periodId = id();
    await q(
      `INSERT INTO "ReportingPeriod" (id, "tenantId", "planId", label, "startDate", "endDate", "opensOn", "dueDate", "locksOn", "updatedAt")
       VALUES ($1, $2, $3, '{"en":"E2E quarter","ru":"Квартал E2E"}'::jsonb, $4, $5, $6, $7, $8, now())`,
      [periodId, tm.id, planId, day(-30), day(60), day(-30), day(75), day(90)],
    );
    await q(
      `INSERT INTO "ProgressUpdate" (id, "tenantId", "activityId", "periodId", status, "activityStatus", "percentComplete",
         achievements, "authorId", "submittedAt", "submittedById", "updatedAt")
       VALUES ($1, $2, $3, $4, 'SUBMITTED', 'COMPLETED', 100, '{"en":"All 40 guards trained"}'::jsonb, $5, now(), $5, now())`,
      [id(), tm.id, reported, periodId, focal.userId],
    );
    return { planId, planTitle, periodId, reported };
  } finally {
    await client.end();
  }
}

/** The Protection row of the pillar table: its cells' texts. */
async function protectionRow(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: "Activities by pillar and status" });
  const row = table.getByRole("row", { name: /^Protection/ });
  // The part streams in on its own: wait for it rather than read the placeholder.
  await expect(row).toBeVisible();
  return (await row.locator("th, td").allInnerTexts()).map((t) => t.trim());
}

test.describe("dashboard", () => {
  test.skip(!adminUrl(), "needs E2E_DATABASE_URL (PostgreSQL) to prepare its data");
  let w: World;
  test.beforeAll(async () => {
    w = await makeWorld();
  });

  test("approving an update changes its pillar's figures; submitted ones count only with the switch", async ({
    browser,
  }, testInfo) => {
    const { context, page } = await signedInContext(browser, USERS.coordinator);
    const url = `/turkmenistan?plan=${w.planId}&asOf=${w.periodId}`;
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Progress as of E2E quarter" })).toBeVisible();
    // Columns: pillar, activities, not started, in progress, completed, delayed, cancelled, average, overdue, at risk.
    expect(await protectionRow(page)).toEqual(["Protection", "2", "2", "0", "0", "0", "0", "0%", "0", "0"]);
    await expect(
      page.getByRole("table", { name: "Activities by pillar and status" }).getByRole("row", { name: /^No pillar/ }),
    ).toBeVisible();

    // With the switch the submitted update counts, marked as not yet approved.
    await page.getByLabel("Count submitted updates not yet approved").check();
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/submitted=1/);
    expect(await protectionRow(page)).toEqual(["Protection", "2", "1", "0", "1", "0", "0", "50%", "0", "0"]);
    await expect(page.getByText("1 activity is counted from updates not yet approved.")).toBeVisible();

    // The coordinator approves it on its report page.
    await page.goto(`/turkmenistan/activities/${w.reported}/report?period=${w.periodId}`);
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();

    await page.goto(url);
    expect(await protectionRow(page)).toEqual(["Protection", "2", "1", "0", "1", "0", "0", "50%", "0", "0"]);
    await expect(page.getByRole("heading", { name: "Progress as of E2E quarter" })).toBeVisible();
    // Drill down: Protection > its objective > its activities, each linked.
    await page.getByRole("link", { name: "Protection", exact: true }).click();
    await expect(page.getByRole("table", { name: "Objectives of Protection, activities by status" })).toBeVisible();
    await page.getByRole("link", { name: "1.1 Identify victims" }).click();
    await expect(page.getByRole("link", { name: "Train border guards" })).toHaveAttribute(
      "href",
      `/turkmenistan/activities/${w.reported}`,
    );
    await page.goto(url);
    await testInfo.attach("dashboard", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    await context.close();
  });

  test("the commission member sees the same page without the switch, approved figures only, on a phone", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, USERS.commission);
    await page.goto(`/turkmenistan?plan=${w.planId}&asOf=${w.periodId}&submitted=1`);
    // Russian: the commission member's saved language.
    await expect(page.getByRole("heading", { level: 1, name: "Сводка" })).toBeVisible();
    await expect(page.getByLabel("Учитывать поданные, но ещё не утверждённые отчёты")).toHaveCount(0);
    await expect(page.getByText("Учитываются только утверждённые отчёты.")).toBeVisible();
    const scroll = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(scroll).toBeLessThanOrEqual(0);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    // The chart is one tab stop and has its figures in words.
    await expect(page.locator("figure figcaption").first()).not.toBeEmpty();
    await context.close();
  });
});
