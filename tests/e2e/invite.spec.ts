import { expect, test } from "@playwright/test";
import { USERS, en, hydrated, roleText, signIn, signOut, unique } from "./helpers";

test("an administrator invites a focal point who joins with the link", async ({ page }) => {
  const email = `${unique("invitee")}@tm.example.org`;
  const name = "Aylar Test-Invitee";
  const password = "a-long-new-password-1";
  const agency = "State Migration Service";

  await signIn(page, USERS.adminTm);
  await expect(page).toHaveURL("/turkmenistan");
  await page.getByRole("navigation", { name: en.nav.label }).getByRole("link", { name: en.nav.members }).click();
  await expect(page).toHaveURL("/turkmenistan/members");
  await expect(page.getByRole("heading", { level: 1, name: en.members.title })).toBeVisible();

  await page.getByLabel(en.members.email, { exact: true }).fill(email);
  const roleField = page.getByLabel(en.members.role, { exact: true });
  await hydrated(roleField); // a controlled select: the agency field appears on change
  await roleField.selectOption({ label: en.roles.FOCAL_POINT });
  // The agency field appears only for focal points.
  const agencyField = page.getByLabel(en.members.agency, { exact: true });
  await expect(agencyField).toBeVisible();
  await agencyField.selectOption({ label: agency });
  await page.getByRole("button", { name: en.members.invite }).click();

  const linkField = page.getByTestId("invitation-link");
  await expect(linkField).toBeVisible();
  await expect(page.getByText(en.members.invitationCreated.split("{email}")[0] + email)).toBeVisible();
  const link = await linkField.inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[\w-]{20,}$/);
  // Listed as pending, with its role and agency.
  await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText(
    `${en.roles.FOCAL_POINT} · ${agency}`,
  );

  await signOut(page);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: en.invite.title })).toBeVisible();
  await expect(page.getByText(`You are invited to Turkmenistan as ${en.roles.FOCAL_POINT}.`)).toBeVisible();
  await expect(page.getByText(en.invite.forAgency.replace("{agency}", agency))).toBeVisible();
  await expect(page.getByLabel(en.invite.email, { exact: true })).toHaveValue(email);
  await page.getByLabel(en.invite.name).fill(name);
  await page.getByLabel(en.invite.newPassword).fill(password);
  await page.getByRole("button", { name: en.invite.accept }).click();

  await expect(page).toHaveURL("/turkmenistan");
  await expect(page.getByRole("main").getByText("Turkmenistan", { exact: true })).toBeVisible();
  await expect(page.getByText(roleText(en, "FOCAL_POINT"), { exact: true })).toBeVisible();
  await expect(page.locator("header summary")).toContainText(name);

  // The link is spent; the new person signs in with the chosen password.
  await signOut(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: en.invite.invalidTitle })).toBeVisible();
  await signIn(page, email, password);
  await expect(page).toHaveURL("/turkmenistan");
  await expect(page.getByText(roleText(en, "FOCAL_POINT"), { exact: true })).toBeVisible();
});
