// Issue 9, the coordinator's desk: the coordinator filters the review queue to a period, returns
// one update with a comment, approves another, and approves two at once; the compliance matrix
// shows the period; focal points get 404. The spec makes its own data: a draft plan of its own in
// Turkmenistan with an open period and four updates submitted by the demo focal point, written
// straight into the database (the report form is another page's work, and this keeps the spec
// independent of the demo seed). It needs the database's address, so it runs on PostgreSQL
// (E2E_DATABASE_URL) and is skipped, saying why, on the embedded database the server owns.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import enReview from "../../messages/en/review.json";
import { USERS, expectNotFound, signIn, unique } from "./helpers";

const r = enReview.review;
const DB_URL = process.env.E2E_MIGRATION_DATABASE_URL ?? process.env.E2E_DATABASE_URL;
test.skip(!DB_URL, "needs E2E_DATABASE_URL: the embedded database belongs to the server process");

interface Made {
  periodId: string;
  periodLabel: string;
  /** The period filter's option: the period's label and its plan's title. */
  option: string;
  codes: string[];
}

/** A draft plan with one section, four activities led by the focal point's agency, an open period, four submitted updates. */
async function makeWorld(): Promise<Made> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    // The policies let the platform scope see every tenant's rows (as the seed does).
    await client.query("SELECT set_config('app.platform', 'on', true)");
    const one = async <T>(sql: string, values: unknown[] = []) => (await client.query(sql, values)).rows[0] as T;
    const tenant = await one<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'turkmenistan'`);
    const focal = await one<{ id: string; agencyId: string }>(
      `SELECT u.id, m."agencyId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id AND m."tenantId" = $1
       WHERE u.email = $2`,
      [tenant.id, USERS.focalPoint],
    );
    const tag = unique("rv");
    const id = () => `${tag}-${Math.random().toString(36).slice(2, 10)}`;
    const planId = id();
    await client.query(
      `INSERT INTO "Plan" (id, "tenantId", title, "startDate", "endDate", status, "updatedAt")
       VALUES ($1, $2, $3, current_date - 400, current_date + 400, 'DRAFT', now())`,
      [planId, tenant.id, { en: `Review spec ${tag}`, ru: `Проверка ${tag}` }],
    );
    const sectionId = id();
    await client.query(
      `INSERT INTO "Section" (id, "tenantId", "planId", code, title, pillar, position, "updatedAt")
       VALUES ($1, $2, $3, '1', '{"en":"Protection"}', 'PROTECTION', 1, now())`,
      [sectionId, tenant.id, planId],
    );
    const objectiveId = id();
    await client.query(
      `INSERT INTO "Objective" (id, "tenantId", "planId", "sectionId", code, title, position, "updatedAt")
       VALUES ($1, $2, $3, $4, '1.1', '{"en":"Identify victims"}', 1, now())`,
      [objectiveId, tenant.id, planId, sectionId],
    );
    const periodId = id();
    const periodLabel = `Spec period ${tag}`;
    await client.query(
      `INSERT INTO "ReportingPeriod" (id, "tenantId", "planId", label, "startDate", "endDate", "opensOn", "dueDate", "locksOn", "updatedAt")
       VALUES ($1, $2, $3, $4, current_date - 60, current_date + 5, current_date - 10, current_date + 20, current_date + 35, now())`,
      [periodId, tenant.id, planId, { en: periodLabel, ru: `Период ${tag}` }],
    );
    const codes = ["1.1.1", "1.1.2", "1.1.3", "1.1.4"];
    for (const [i, code] of codes.entries()) {
      const activityId = id();
      await client.query(
        `INSERT INTO "Activity" (id, "tenantId", "planId", "objectiveId", code, title, "leadAgencyId", status, position, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'IN_PROGRESS', $8, now())`,
        [activityId, tenant.id, planId, objectiveId, code, { en: `Shelter visits ${code}` }, focal.agencyId, i + 1],
      );
      await client.query(
        `INSERT INTO "ProgressUpdate" (id, "tenantId", "activityId", "periodId", status, "activityStatus", "percentComplete",
           achievements, "authorId", "submittedById", "submittedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'SUBMITTED', 'IN_PROGRESS', $5, '{"en":"Visited shelters"}', $6, $6, now() - make_interval(mins => $7), now())`,
        [id(), tenant.id, activityId, periodId, 20 + i * 10, focal.id, 40 - i],
      );
    }
    await client.query("COMMIT");
    return { periodId, periodLabel, option: `${periodLabel} · Review spec ${tag}`, codes };
  } finally {
    await client.end();
  }
}

let made: Made;
test.beforeAll(async () => {
  made = await makeWorld();
});

const queueRows = (page: Page) => page.getByRole("table", { name: r.caption }).locator("tbody tr");
const rowOf = (page: Page, code: string) => queueRows(page).filter({ hasText: `${code} Shelter visits` });

test("the coordinator filters the queue, returns one update, approves one, and approves two at once", async ({
  page,
}) => {
  await signIn(page, USERS.coordinator);
  await page.goto("/turkmenistan/review");
  await expect(page.getByRole("heading", { level: 1, name: r.title })).toBeVisible();

  // Filter to the spec's period (a GET form: the filters land in the URL).
  const filters = page.getByRole("search", { name: r.filters.title });
  await filters.getByLabel(r.filters.period, { exact: true }).selectOption({ label: made.option });
  await filters.getByRole("button", { name: r.filters.apply }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]period=${made.periodId}`));
  await expect(queueRows(page)).toHaveCount(4);
  const link = rowOf(page, "1.1.1").getByRole("link", { name: /1\.1\.1/ });
  await expect(link).toHaveAttribute(
    "href",
    new RegExp(`/turkmenistan/activities/[\\w-]+/report\\?period=${made.periodId}$`),
  );

  // Returning needs a comment: without one the form says so and keeps the disclosure open.
  const first = rowOf(page, "1.1.1");
  await first.getByText(r.returnWithComment).click();
  await first.getByRole("button", { name: r.return, exact: true }).click();
  await expect(first.getByText("Say why: a comment is required.")).toBeVisible();
  await first.getByLabel(r.comment, { exact: true }).fill("Please attach the attendance list");
  await first.getByRole("button", { name: r.return, exact: true }).click();
  await expect(queueRows(page)).toHaveCount(3);

  // Approve one from its row.
  await rowOf(page, "1.1.2").getByRole("button", { name: r.approve, exact: true }).click();
  await expect(queueRows(page)).toHaveCount(2);

  // Approve the last two at once.
  await page.getByRole("checkbox", { name: "Select 1.1.3 for approval" }).check();
  await page.getByRole("checkbox", { name: "Select 1.1.4 for approval" }).check();
  await page.getByRole("button", { name: r.bulk.submit }).click();
  await expect(page.getByText("2 updates approved.")).toBeVisible();
  await expect(queueRows(page)).toHaveCount(0);
  await expect(page.getByText(r.emptyWaiting).or(page.getByText(r.empty))).toBeVisible();

  // The states are where they should be.
  await page.goto(`/turkmenistan/review?period=${made.periodId}&state=APPROVED`);
  await expect(queueRows(page)).toHaveCount(3);
  await page.goto(`/turkmenistan/review?period=${made.periodId}&state=RETURNED`);
  await expect(queueRows(page)).toHaveCount(1);
  await expect(rowOf(page, "1.1.1").getByText("Returned")).toBeVisible();

  // The compliance matrix for the period: 4 due, 3 approved, 1 returned, every number a link.
  await page.goto(`/turkmenistan/review/compliance?period=${made.periodId}`);
  const matrix = page.getByRole("table", { name: new RegExp(made.periodLabel) });
  await expect(matrix).toBeVisible();
  const total = matrix.locator("tfoot tr");
  await expect(total.getByRole("link", { name: /Due: 4$/ })).toBeVisible();
  await expect(total.getByRole("link", { name: /Approved: 3$/ })).toBeVisible();
  await total.getByRole("link", { name: /Returned: 1$/ }).click();
  await expect(page).toHaveURL(/\/turkmenistan\/review\?.*state=RETURNED/);
  await expect(queueRows(page)).toHaveCount(1);
});

test("the queue and the matrix fit a phone and pass axe; focal points get 404", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, USERS.coordinator);
  for (const path of [
    `/turkmenistan/review?period=${made.periodId}&state=all`,
    `/turkmenistan/review/compliance?period=${made.periodId}`,
  ]) {
    await page.goto(path);
    await page.locator("details").evaluateAll((all) => all.forEach((d) => d.setAttribute("open", "")));
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(width[0], `${path} scrolls sideways`).toBeLessThanOrEqual(width[1]);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await context.close();

  const focal = await browser.newContext();
  const fp = await focal.newPage();
  await signIn(fp, USERS.focalPoint);
  await expectNotFound(fp, await fp.goto("/turkmenistan/review"));
  await expectNotFound(fp, await fp.goto("/turkmenistan/review/compliance"));
  await focal.close();
});
