// A page someone may not see says what to do next, inside the page's one <main>; every page has
// the app's icon.
import { expect, test } from "@playwright/test";
import { USERS, en, expectNotFound, signIn } from "./helpers";

test("a page of another country answers 404 with what to do next, in one main landmark", async ({ page }) => {
  await signIn(page, USERS.focalPoint);
  const response = await page.goto("/kazakhstan/activities");
  await expectNotFound(page, response);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.getByText(en.errors.notFoundAskAdmin)).toBeVisible();
  await expect(page.getByRole("link", { name: en.errors.notFoundChooseCountry })).toHaveAttribute("href", "/tenants");
});

test("every page links the app's icon, and it is served", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
