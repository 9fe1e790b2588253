// The reporting cycle end to end: the focal point writes an update with an indicator value and a
// PDF and submits it; the coordinator returns it with a comment; the focal point sees the comment,
// fixes and resubmits; the coordinator approves; the activity page's status and indicator value
// change and say where they come from; a focal point of another tenant gets 404 for the file.
// The data it needs (a new activity with one indicator, an open period, a focal point in another
// tenant) is made here in the database, so the spec holds whatever the demo seed holds.
// (The bell is another engineer's part: its assertion is left to the lead.)
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";
import { DEMO_PASSWORD, USERS, adminUrl, dayFromToday as day, e2eId as id, signedInContext } from "./helpers";

interface World {
  slug: string;
  activityId: string;
  indicatorName: string;
  periodId: string;
  periodLabel: string;
  outsider: string;
}

async function makeWorld(): Promise<World> {
  const client = new pg.Client({ connectionString: adminUrl()! });
  await client.connect();
  try {
    const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[];
    const [tm] = await q<{ id: string; slug: string }>(`SELECT id, slug FROM "Tenant" WHERE slug = 'turkmenistan'`);
    const [kz] = await q<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'kazakhstan'`);
    const [focal] = await q<{ agencyId: string }>(
      `SELECT m."agencyId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m."tenantId" = $2`,
      [USERS.focalPoint, tm.id],
    );
    // An activity of the active plan led by the focal point's agency, copied with every column.
    const [source] = await q<{ id: string; planId: string; code: string }>(
      `SELECT a.id, a."planId", a.code FROM "Activity" a JOIN "Plan" p ON p.id = a."planId"
       WHERE a."tenantId" = $1 AND a."leadAgencyId" = $2 AND a."archivedAt" IS NULL AND p.status = 'ACTIVE'
       ORDER BY a.code LIMIT 1`,
      [tm.id, focal.agencyId],
    );
    const activityId = id();
    const code = `${source.code.split(".").slice(0, 2).join(".")}.${100 + Math.floor(Math.random() * 899)}`;
    const cols = (
      await q<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'Activity' AND table_schema = current_schema()`,
      )
    )
      .map((c) => c.column_name)
      .filter(
        (c) => !["id", "code", "title", "status", "percentComplete", "version", "updatedAt", "createdAt"].includes(c),
      );
    const list = cols.map((c) => `"${c}"`).join(", ");
    await q(
      `INSERT INTO "Activity" (id, code, title, status, "percentComplete", version, "createdAt", "updatedAt", ${list})
       SELECT $1, $2, $3::jsonb, 'NOT_STARTED', 0, 1, now(), now(), ${list} FROM "Activity" WHERE id = $4`,
      [activityId, code, JSON.stringify({ en: `E2E reporting ${code}`, ru: `E2E отчётность ${code}` }), source.id],
    );
    const indicatorName = `Officers trained ${code}`;
    await q(
      `INSERT INTO "Indicator" (id, "tenantId", "activityId", name, unit, target, position, "updatedAt")
       VALUES ($1, $2, $3, $4::jsonb, 'NUMBER', 200, 0, now())`,
      [id(), tm.id, activityId, JSON.stringify({ en: indicatorName, ru: `Обучено сотрудников ${code}` })],
    );
    // A period that is open today, ending after any the seed holds (so its approval is the latest).
    const offset = 4000 + Math.floor(Math.random() * 2000);
    const periodId = id();
    const periodLabel = `E2E period ${offset}`;
    await q(
      `INSERT INTO "ReportingPeriod" (id, "tenantId", "planId", label, "startDate", "endDate", "opensOn", "dueDate", "locksOn", "updatedAt")
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, now())`,
      [
        periodId,
        tm.id,
        source.planId,
        JSON.stringify({ en: periodLabel, ru: `Период E2E ${offset}` }),
        day(offset),
        day(offset + 90),
        day(-1),
        day(20),
        day(35),
      ],
    );
    // A focal point of another tenant.
    const outsider = `focal.${randomBytes(4).toString("hex")}@kz.example.org`;
    const userId = id();
    await q(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'KZ focal', $3, now())`,
      [userId, outsider, await bcrypt.hash(DEMO_PASSWORD, 10)],
    );
    const [kzAgency] = await q<{ id: string }>(`SELECT id FROM "Agency" WHERE "tenantId" = $1 LIMIT 1`, [kz.id]);
    await q(
      `INSERT INTO "Membership" (id, "tenantId", "userId", role, "agencyId", "updatedAt") VALUES ($1, $2, $3, 'FOCAL_POINT', $4, now())`,
      [id(), kz.id, userId, kzAgency.id],
    );
    return { slug: tm.slug, activityId, indicatorName, periodId, periodLabel, outsider };
  } finally {
    await client.end();
  }
}

test.describe("reporting cycle", () => {
  test.skip(!adminUrl(), "needs E2E_DATABASE_URL (PostgreSQL) to prepare its data");
  let w: World;
  test.beforeAll(async () => {
    w = await makeWorld();
  });

  test("report, return, resubmit, approve; the activity page changes; the file is 404 for another tenant", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const reportUrl = `/${w.slug}/activities/${w.activityId}/report?period=${w.periodId}`;

    // The focal point writes and submits.
    const focal = await signedInContext(browser, USERS.focalPoint);
    const page = focal.page;
    await page.goto(`/${w.slug}/activities/${w.activityId}`);
    const item = page.getByRole("listitem").filter({ hasText: w.periodLabel });
    await item.getByRole("link", { name: "Report progress" }).click();
    await expect(page).toHaveURL(new RegExp(`period=${w.periodId}`));
    await page.getByLabel("Status", { exact: true }).selectOption("IN_PROGRESS");
    await page.getByLabel("Percent complete", { exact: true }).fill("60");
    await page.getByLabel("What was done", { exact: false }).first().fill("Trained 25 officers in Mary");
    await page.getByLabel(w.indicatorName, { exact: true }).fill("25");
    await page.getByLabel("Evidence", { exact: true }).setInputFiles({
      name: "attendance.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1"),
    });
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();
    const fileLink = page.getByRole("link", { name: "Download attendance.pdf" });
    await expect(fileLink).toBeVisible();
    const fileHref = (await fileLink.getAttribute("href"))!;

    // The coordinator returns it with a comment.
    const coordinator = await signedInContext(browser, USERS.coordinator);
    const cp = coordinator.page;
    await cp.goto(reportUrl);
    await cp.getByLabel("Comment", { exact: true }).fill("Please attach the attendance list with signatures");
    await cp.getByRole("button", { name: "Return", exact: true }).click();
    await expect(cp.getByText("Returned", { exact: true }).first()).toBeVisible();

    // The focal point sees the comment in the bell, then on the update; fixes and resubmits.
    await page.goto(`/${w.slug}`);
    const bell = page.getByRole("link", { name: /^Notifications\s*\(\d+\)$/ });
    await expect(bell).toBeVisible();
    await bell.click();
    const returned = page
      .getByRole("listitem")
      .filter({ hasText: "Please attach the attendance list with signatures" });
    await expect(returned.first()).toBeVisible();
    await returned.first().getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/activities/${w.activityId}/report`));
    await expect(page.getByRole("region", { name: "Returned with a comment" })).toContainText(
      "Please attach the attendance list with signatures",
    );
    await page.getByLabel("Percent complete", { exact: true }).fill("70");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();

    // The coordinator approves.
    await cp.goto(reportUrl);
    await cp.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(cp.getByText("Approved", { exact: true }).first()).toBeVisible();
    await expect(cp.getByRole("listitem").filter({ hasText: "Update submitted" }).first()).toBeVisible();

    // The activity page: status, percent and the indicator's value, and where they come from.
    await page.goto(`/${w.slug}/activities/${w.activityId}`);
    await expect(page.getByText(`From the approved update for ${w.periodLabel}`)).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(w.indicatorName) });
    await expect(row).toContainText("25");
    await expect(page.getByText(/^70\s?%$/).first()).toBeVisible();
    await expect(page.getByText("In progress").first()).toBeVisible();

    // The file downloads for the tenant's own member, and is 404 for another tenant's focal point.
    const own = await page.request.get(fileHref);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-disposition"]).toContain("attachment");
    const outsider = await signedInContext(browser, w.outsider);
    expect((await outsider.page.request.get(fileHref)).status()).toBe(404);
    expect((await outsider.page.request.get(fileHref.replace(`/${w.slug}/`, "/kazakhstan/"))).status()).toBe(404);

    await Promise.all([focal.context.close(), coordinator.context.close(), outsider.context.close()]);
  });
});
