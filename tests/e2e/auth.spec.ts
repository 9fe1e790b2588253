import { expect, test } from "@playwright/test";
import { USERS, en, roleText, ru, signIn, signOut, submitSignIn, type Messages } from "./helpers";

// Everyone with exactly one tenant goes straight into it and sees its name and their role.
const singleTenant: { email: string; slug: string; name: string; role: keyof Messages["roles"]; m: Messages }[] = [
  { email: USERS.coordinator, slug: "turkmenistan", name: "Turkmenistan", role: "COORDINATOR", m: en },
  { email: USERS.focalPoint, slug: "turkmenistan", name: "Turkmenistan", role: "FOCAL_POINT", m: en },
  { email: USERS.commission, slug: "turkmenistan", name: "Туркменистан", role: "VIEWER", m: ru }, // saved language: Russian: the country's Russian name
  { email: USERS.adminTm, slug: "turkmenistan", name: "Turkmenistan", role: "ADMIN", m: en },
  { email: USERS.adminKz, slug: "kazakhstan", name: "Kazakhstan", role: "ADMIN", m: en },
  { email: USERS.adminKg, slug: "kyrgyzstan", name: "Kyrgyzstan", role: "ADMIN", m: en },
];

test.describe("signing in", () => {
  for (const u of singleTenant) {
    test(`${u.email} lands in ${u.slug} as ${u.role}`, async ({ page }) => {
      await signIn(page, u.email);
      await expect(page).toHaveURL(`/${u.slug}`);
      await expect(page.getByRole("main").getByText(u.name, { exact: true })).toBeVisible();
      await expect(page.getByText(roleText(u.m, u.role), { exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: u.m.dashboard.title })).toBeVisible();
      // Only administrators get the Members section.
      const members = page
        .getByRole("navigation", { name: u.m.nav.label })
        .getByRole("link", { name: u.m.nav.members });
      await expect(members).toHaveCount(u.role === "ADMIN" ? 1 : 0);
    });
  }

  test("a viewer of three countries lands on the chooser", async ({ page }) => {
    await signIn(page, USERS.iom);
    await expect(page).toHaveURL("/tenants");
    await expect(page.getByRole("heading", { level: 1, name: en.tenants.title })).toBeVisible();
    // The chooser's cards (the overview across countries above them links to the same countries).
    const choices = page.getByRole("main").getByRole("listitem").getByRole("link");
    await expect(choices).toHaveCount(3);
    for (const [slug, name] of [
      ["kazakhstan", "Kazakhstan"],
      ["kyrgyzstan", "Kyrgyzstan"],
      ["turkmenistan", "Turkmenistan"],
    ]) {
      const link = choices.filter({ hasText: new RegExp(`^${name}`) });
      await expect(link).toHaveAttribute("href", `/${slug}`);
      await expect(link).toContainText(en.roles.VIEWER);
    }
  });

  test("the platform administrator lands on the administration page", async ({ page }) => {
    await signIn(page, USERS.platformAdmin);
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { level: 1, name: en.admin.title })).toBeVisible();
    for (const name of ["Kazakhstan", "Kyrgyzstan", "Turkmenistan"]) {
      await expect(page.getByRole("table").getByRole("link", { name, exact: true })).toBeVisible();
    }
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, USERS.coordinator);
    await expect(page).toHaveURL("/turkmenistan");
    await signOut(page);
    await expect(page.getByRole("heading", { level: 1, name: en.auth.signInTitle })).toBeVisible();
    for (const path of ["/turkmenistan/agencies", "/"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in(\?|$)/);
    }
  });

  test("a protected page asks for sign-in when signed out", async ({ page }) => {
    await page.goto("/turkmenistan/agencies");
    await expect(page).toHaveURL(/\/sign-in(\?|$)/);
    await expect(page.getByLabel(en.auth.email)).toBeVisible();
  });

  test("a wrong password says so and keeps the email", async ({ page }) => {
    await page.goto("/sign-in");
    const typed = "Focal.Mia@tm.example.org";
    await submitSignIn(page, typed, "not-the-password");
    await expect(page.getByRole("status").filter({ hasText: en.auth.invalidCredentials })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel(en.auth.email)).toHaveValue(typed);
    await expect(page.getByLabel(en.auth.password)).toHaveValue("");
    // The right password still works (and clears the failure count for the next run).
    await page.getByLabel(en.auth.password).fill("demo-pass-2018");
    await page.getByRole("button", { name: en.auth.signIn }).click();
    await expect(page).toHaveURL("/turkmenistan");
    await expect(page.getByText(roleText(en, "FOCAL_POINT"), { exact: true })).toBeVisible();
  });
});
