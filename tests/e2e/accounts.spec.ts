// Accounts as people use them: changing one's password (and every other session ending), a reset
// link handed over by the tenant administrator, a disabled person shut out at once.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, USERS, en, signIn, submitSignIn } from "./helpers";

const NEW_PASSWORD = "amber kettle over nine hills";

async function changePassword(page: Page, current: string, next: string) {
  await page.goto("/account");
  await page.getByLabel("Current password", { exact: true }).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password", { exact: true }).fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("changing one's password: the hint, every error at once, then the other sessions end", async ({
  page,
  browser,
}) => {
  const other = await browser.newContext();
  const phone = await other.newPage();
  await signIn(phone, USERS.adminKg);
  await signIn(page, USERS.adminKg);

  await page.goto("/account");
  await page.getByLabel("New password", { exact: true }).fill("password12345");
  await expect(page.getByTestId("password-strength")).toContainText("weak");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await expect(page.getByTestId("password-strength")).toContainText("strong");

  // A common password and a mismatch, with no current password: all three said at once.
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Repeat the new password", { exact: true }).fill("password12345");
  await page.getByRole("button", { name: "Change password" }).click();
  // Each next to its field (the error summary at the top repeats them as links).
  const fieldError = (text: string) => page.locator("p[id$='-error']", { hasText: text });
  await expect(fieldError(en.validation.required).first()).toBeVisible();
  await expect(fieldError(en.validation.passwordCommon)).toBeVisible();
  await expect(fieldError(en.validation.passwordsDiffer)).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(en.validation.passwordCommon) })).toBeVisible();

  await changePassword(page, DEMO_PASSWORD, NEW_PASSWORD);
  await expect(page.getByText("Password changed. Your other sessions have been signed out.")).toBeVisible();
  await phone.goto("/kyrgyzstan");
  await expect(phone).toHaveURL(/\/sign-in/);
  await other.close();

  // Back to the demo password, so the other tests can sign in as before.
  await changePassword(page, NEW_PASSWORD, DEMO_PASSWORD);
  await expect(page.getByText("Password changed. Your other sessions have been signed out.")).toBeVisible();
});

test("a reset link from the tenant administrator works once and signs the member in", async ({ page, browser }) => {
  await signIn(page, USERS.adminTm);
  await page.goto("/turkmenistan/members");
  const row = page.getByRole("row").filter({ hasText: USERS.commission });
  // The row's actions are in a menu.
  await row.getByRole("button", { name: /^Actions for / }).click();
  await page.getByRole("menuitem", { name: "Reset link" }).click();
  const link = await page.getByTestId("reset-link").inputValue();
  expect(new URL(link).pathname).toMatch(/^\/reset-password\/[\w-]{40,}$/);

  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto(link);
  await member.getByLabel(/^(New password|Новый пароль)$/).fill(DEMO_PASSWORD);
  await member.getByLabel(/^(Repeat the new password|Повторите новый пароль)$/).fill(DEMO_PASSWORD);
  await member.getByRole("button", { name: /^(Set new password|Сохранить новый пароль)$/ }).click();
  await member.waitForURL((url) => !url.pathname.startsWith("/reset-password"));
  await expect(member).toHaveURL("/turkmenistan");
  await member.goto(link);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(/no longer valid|больше не действует/);
  await context.close();

  // The member's security events show it to the administrator.
  await page.goto("/turkmenistan/members/security");
  await expect(page.getByRole("table").getByText("Password set with a reset link").first()).toBeVisible();
});

test("the platform administrator disables a person: their open session ends at once", async ({ page, browser }) => {
  const context = await browser.newContext();
  const victim = await context.newPage();
  await signIn(victim, USERS.adminKz);
  await signIn(page, USERS.platformAdmin);
  await page.goto(`/admin/users?q=${encodeURIComponent(USERS.adminKz)}`);
  const row = page.getByRole("row").filter({ hasText: USERS.adminKz });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText(/Disabled since/)).toBeVisible();

  await victim.goto("/kazakhstan");
  await expect(victim).toHaveURL(/\/sign-in/);
  await submitSignIn(victim, USERS.adminKz);
  await expect(victim.getByText(en.auth.disabled)).toBeVisible();

  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await submitSignIn(victim, USERS.adminKz);
  await victim.waitForURL("/kazakhstan");
  await context.close();
});
