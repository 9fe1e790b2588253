import { expect, test, type Browser, type Page } from "@playwright/test";
import { USERS, en, expectNotFound, ru, signIn, signedInContext } from "./helpers";

interface Kazakhstan {
  planIds: string[];
  planTitles: string[];
  agencyNames: string[];
}

/** What Kazakhstan's own administrator sees, read in a separate browser context. */
async function readKazakhstan(browser: Browser): Promise<Kazakhstan> {
  const { context, page } = await signedInContext(browser, USERS.adminKz);
  try {
    await expect(page).toHaveURL("/kazakhstan");
    // The plan list (the landing page is the dashboard).
    await page.goto("/kazakhstan/plans");
    const planLinks = page.locator("main li a[href^='/kazakhstan/plans/']:not([href$='/new'])");
    await expect(planLinks.first()).toBeVisible();
    const hrefs = await planLinks.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const planTitles = (await planLinks.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    const planIds = hrefs.map((h) => h.split("/").pop() ?? "").filter(Boolean);
    await page.goto("/kazakhstan/agencies");
    await expect(page.getByRole("heading", { level: 1, name: en.agencies.title })).toBeVisible();
    const agencyNames = (await page.locator("main table tbody tr td:first-child > a.font-medium").allInnerTexts()).map(
      (t) => t.trim(),
    );
    expect(planIds.length).toBeGreaterThan(0);
    expect(agencyNames.length).toBeGreaterThan(0);
    return { planIds, planTitles, agencyNames };
  } finally {
    await context.close();
  }
}

async function expectNothingOf(page: Page, kz: Kazakhstan): Promise<void> {
  const text = await page.locator("body").innerText();
  for (const title of kz.planTitles) expect(text).not.toContain(title);
  for (const name of kz.agencyNames) expect(text).not.toContain(name);
}

test("a focal point of Turkmenistan cannot open Kazakhstan by URL", async ({ page, browser }) => {
  const kz = await readKazakhstan(browser);
  await signIn(page, USERS.focalPoint);
  await expect(page).toHaveURL("/turkmenistan");

  const planId = kz.planIds[0];
  for (const path of [
    "/kazakhstan",
    "/kazakhstan/agencies",
    "/kazakhstan/members",
    `/kazakhstan/plans/${planId}`,
    `/turkmenistan/plans/${planId}`,
  ]) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      await expectNotFound(page, response);
      await expectNothingOf(page, kz);
    });
  }
  // Its own country still works.
  await page.goto("/turkmenistan/agencies");
  await expect(page.getByRole("heading", { level: 1, name: en.agencies.title })).toBeVisible();
});

test("a viewer gets 404 on the members page and has no link to it", async ({ page }) => {
  await signIn(page, USERS.commission); // Russian interface
  await expect(page).toHaveURL("/turkmenistan");
  await expect(
    page.getByRole("navigation", { name: ru.nav.label }).getByRole("link", { name: ru.nav.members }),
  ).toHaveCount(0);
  const response = await page.goto("/turkmenistan/members");
  await expectNotFound(page, response, ru);
  await expect(page.getByRole("main").getByText("@tm.example.org")).toHaveCount(0);
});
