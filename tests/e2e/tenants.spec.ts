import { expect, test, type Page } from "@playwright/test";
import { USERS, en, hydrated, roleText, signIn } from "./helpers";

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

  await page
    .getByRole("main")
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
  await page
    .getByRole("main")
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
