import { expect, test, type Page } from "@playwright/test";
import { USERS, en, hydrated, roleText, signIn } from "./helpers";

/** The chooser's cards (the overview above them links to the same countries). */
const chooser = (page: Page) => page.getByRole("main").getByRole("listitem");

async function expectInTenant(page: Page, slug: string, name: string): Promise<void> {
  await expect(page).toHaveURL(`/${slug}`);
  await expect(page.getByRole("main").getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByText(roleText(en, "VIEWER"), { exact: true })).toBeVisible();
  // The switcher follows the page.
  await expect(page.getByLabel(en.app.tenant, { exact: true })).toHaveValue(slug);
}

test("the chooser and the country switcher move a viewer between countries", async ({ page }) => {
  await signIn(page, USERS.iom);
  await expect(page).toHaveURL("/tenants");
  const switcher = page.getByLabel(en.app.tenant, { exact: true });
  // Outside a country the switcher offers to choose one.
  await expect(switcher).toHaveValue("");
  await expect(switcher.getByRole("option")).toHaveText([
    en.app.chooseTenant,
    "Kazakhstan",
    "Kyrgyzstan",
    "Turkmenistan",
  ]);

  await chooser(page)
    .getByRole("link", { name: /^Kazakhstan/ })
    .click();
  await expectInTenant(page, "kazakhstan", "Kazakhstan");
  await expect(page.getByRole("main").getByRole("link", { name: /2024.2026/ })).toBeVisible();

  await hydrated(switcher);
  await switcher.selectOption({ label: "Kyrgyzstan" });
  await expectInTenant(page, "kyrgyzstan", "Kyrgyzstan");
  await expect(page.getByRole("main").getByRole("link", { name: /2022.2025/ })).toBeVisible();

  await hydrated(switcher);
  await switcher.selectOption({ label: "Turkmenistan" });
  await expectInTenant(page, "turkmenistan", "Turkmenistan");

  // Inside a country the switcher lists only the countries, and the chooser is one click away.
  await expect(switcher.getByRole("option")).toHaveText(["Kazakhstan", "Kyrgyzstan", "Turkmenistan"]);
  await page.goto("/tenants");
  await chooser(page)
    .getByRole("link", { name: /^Kyrgyzstan/ })
    .click();
  await expectInTenant(page, "kyrgyzstan", "Kyrgyzstan");
});

test("a member of one country gets no country switcher: there is nothing to switch to", async ({ page }) => {
  await signIn(page, USERS.focalPoint);
  await expect(page).toHaveURL("/turkmenistan");
  await expect(page.getByRole("main").getByText("Turkmenistan", { exact: true })).toBeVisible();
  await expect(page.getByLabel(en.app.tenant, { exact: true })).toHaveCount(0);
});

test("the overview compares a viewer's countries, and reads on a phone", async ({ page }) => {
  const o = en.tenants.overview;
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, USERS.iom);
  await expect(page).toHaveURL("/tenants");
  const section = page.getByRole("region", { name: o.title });
  await expect(section.getByRole("heading", { name: o.title, level: 2 })).toBeVisible();
  await expect(
    section.getByText(/^3 countries; (most overdue: .+ \(\d+\)|none has overdue activities)$/),
  ).toBeVisible();
  // One row per country, above the chooser, each linked to its dashboard.
  const table = section.getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveText(["Kazakhstan", "Kyrgyzstan", "Turkmenistan"]);
  await expect(table.getByRole("columnheader", { name: o.overdue, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "Kyrgyzstan" })).toHaveAttribute("href", "/kyrgyzstan");
  for (const row of await table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader") })
    .all())
    await expect(row.getByRole("cell").nth(1)).not.toHaveText(""); // as of a period: the demo has one open

  // The page never scrolls sideways; the table scrolls in its own box.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], "the page scrolls sideways").toBeLessThanOrEqual(widths[1]);
  const box = section.getByRole("region", { name: o.caption });
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  // By keyboard: Tab reaches the box (after the skip link and the header's controls), and the
  // arrow keys scroll it.
  for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(box).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The next Tab goes into the table: its first country's link.
  await page.keyboard.press("Tab");
  await expect(table.getByRole("link", { name: "Kazakhstan" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/kazakhstan");
});

test("a member of one country sees the chooser alone, without the overview", async ({ page }) => {
  await signIn(page, USERS.adminKz);
  await page.goto("/tenants");
  await expect(page.getByRole("heading", { name: en.tenants.title, level: 1 })).toBeVisible();
  await expect(chooser(page).getByRole("link", { name: /^Kazakhstan/ })).toBeVisible();
  await expect(page.getByRole("region", { name: en.tenants.overview.title })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
});
