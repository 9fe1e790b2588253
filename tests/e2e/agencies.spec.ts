import { expect, test, type Page } from "@playwright/test";
import { USERS, en, escapeRegExp, ru, signIn, unique, type Messages, inLanguage } from "./helpers";

async function expectReadOnly(page: Page, m: Messages): Promise<void> {
  await page.goto("/turkmenistan/agencies");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: m.agencies.title })).toBeVisible();
  await expect(main.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  await expect(main.getByRole("heading", { name: m.agencies.createTitle })).toHaveCount(0);
  await expect(main.getByRole("textbox")).toHaveCount(0);
  await expect(main.getByRole("combobox")).toHaveCount(0);
  await expect(main.getByRole("button")).toHaveCount(0);
  await expect(main.getByText(m.agencies.edit, { exact: true })).toHaveCount(0);
  await expect(main.locator("form")).toHaveCount(0);
}

test("a focal point sees agencies without management forms", async ({ page }) => {
  await signIn(page, USERS.focalPoint);
  await expectReadOnly(page, en);
});

test("a viewer sees agencies without management forms", async ({ page }) => {
  await signIn(page, USERS.commission); // Russian interface
  await expectReadOnly(page, ru);
});

test("a coordinator adds an agency, and a duplicate name is refused next to the field", async ({ page }) => {
  const name = unique("E2E Anti-Trafficking Agency");
  await signIn(page, USERS.coordinator);
  await page.goto("/turkmenistan/agencies");
  const main = page.getByRole("main");
  const createForm = main
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: en.agencies.createTitle }) });
  await expect(createForm).toBeVisible();
  const rowsNamed = (n: string) =>
    main
      .getByRole("table")
      .getByRole("row")
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(n)}`) });

  await createForm.getByLabel(inLanguage(en.agencies.name), { exact: true }).fill(name);
  await createForm.getByLabel(inLanguage(en.agencies.shortName), { exact: true }).fill("E2E");
  await createForm.getByLabel(en.agencies.kind).selectOption({ label: en.agencyKind.NGO });
  await createForm.getByRole("button", { name: en.agencies.create }).click();

  await expect(createForm.getByRole("status")).toHaveText(en.agencies.created);
  await expect(rowsNamed(name)).toHaveCount(1);
  await expect(rowsNamed(name)).toContainText(en.agencyKind.NGO);
  // The form is ready for the next one.
  await expect(createForm.getByLabel(inLanguage(en.agencies.name), { exact: true })).toHaveValue("");

  // The same name again (in other letters' case): refused, shown at the field, nothing saved.
  const duplicate = name.toUpperCase();
  await createForm.getByLabel(inLanguage(en.agencies.name), { exact: true }).fill(duplicate);
  await createForm.getByRole("button", { name: en.agencies.create }).click();
  await expect(createForm.getByRole("status")).toHaveText(en.errors.invalidInput);
  const nameField = createForm.getByLabel(inLanguage(en.agencies.name), { exact: true });
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  // The error is read first, then the length counter.
  await expect(nameField).toHaveAccessibleDescription(
    new RegExp(`^${en.validation.agencyNameTaken.replace(/\./g, "\\.")}`),
  );
  await expect(nameField).toHaveValue(duplicate);
  await expect(rowsNamed(name)).toHaveCount(1);
  await expect(rowsNamed(duplicate)).toHaveCount(0);

  await page.reload();
  await expect(rowsNamed(name)).toHaveCount(1);
  await expect(rowsNamed(duplicate)).toHaveCount(0);
});
