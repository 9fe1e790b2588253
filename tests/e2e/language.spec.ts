import { expect, test, type Page } from "@playwright/test";
import { USERS, en, ru, signIn, signOut, type Messages } from "./helpers";

// admin@kg.example.org is used by no other test that depends on language.
const email = USERS.adminKg;
const home = "/kyrgyzstan";

async function expectLanguage(page: Page, lang: "en" | "ru"): Promise<void> {
  const m: Messages = lang === "en" ? en : ru;
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 1, name: m.dashboard.title })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: m.nav.label }).getByRole("link", { name: m.nav.agencies }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: lang === "en" ? "English" : "Русский" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
}

async function choose(page: Page, lang: "en" | "ru"): Promise<void> {
  await page.getByRole("button", { name: lang === "en" ? "English" : "Русский" }).click();
  await expectLanguage(page, lang);
}

test("switching to Russian and back is kept across reloads and sign-ins", async ({ page, browser }) => {
  await signIn(page, email);
  await expect(page).toHaveURL(home);
  // A failed earlier run may have left Russian saved: start from English.
  if ((await page.locator("html").getAttribute("lang")) !== "en") await choose(page, "en");
  await expectLanguage(page, "en");
  await expect(page.getByText(en.dashboard.headline.activities, { exact: true }).first()).toBeVisible();

  await choose(page, "ru");
  await expect(page.getByText(en.nav.agencies, { exact: true })).toHaveCount(0);
  await page.reload();
  await expectLanguage(page, "ru");

  // Saved on the person: a new browser (no language cookie) signing in gets Russian.
  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    await page2.goto("/sign-in");
    await expect(page2.locator("html")).toHaveAttribute("lang", "en");
    await signIn(page2, email);
    await expect(page2).toHaveURL(home);
    await expectLanguage(page2, "ru");
  } finally {
    await other.close();
  }

  // Signing out and in again in the same browser keeps it too.
  await signOut(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1, name: ru.auth.signInTitle })).toBeVisible();
  await signIn(page, email);
  await expectLanguage(page, "ru");

  await choose(page, "en");
  await page.reload();
  await expectLanguage(page, "en");

  const third = await browser.newContext();
  try {
    const page3 = await third.newPage();
    await signIn(page3, email);
    await expectLanguage(page3, "en");
  } finally {
    await third.close();
  }
});

test("the sign-in page switches language before signing in", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1, name: ru.auth.signInTitle })).toBeVisible();
  await expect(page.getByLabel(ru.auth.email)).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: en.auth.signInTitle })).toBeVisible();
});
