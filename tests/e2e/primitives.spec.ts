// Issue 8: the shared primitives by keyboard alone. The agency multi-select on the activity form
// (type to filter, in any language the names are written in; pick; remove; save), a row's actions
// menu, and the "Saved" toast a save raises.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { USERS, en, fill, hydrated, inLanguage, openActivePlan, signIn, unique } from "./helpers";
import enUi from "../../messages/en/ui.json";

const ui = enUi.ui;
/** axe's WCAG 2.1 A and AA rules, as the everyday sweep runs them, on what is open now. */
async function expectNoViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const toast = (page: Page) => page.getByRole("region", { name: /^Notifications/ }).getByText(ui.toast.saved);

test("the agency multi-select works by keyboard alone, and the saved partners show on the activity", async ({
  page,
}) => {
  const title = unique("E2E keyboard activity");
  await signIn(page, USERS.coordinator);
  await page.goto(`${await openActivePlan(page)}?mode=edit`);
  await page
    .getByRole("main")
    .getByRole("link", { name: `${en.structure.addActivity} ${fill(en.structure.toObjective, { code: "1.1" })}` })
    .click();
  await page.waitForURL(/\/activities\/new/);
  const form = page.getByRole("main").locator("form");
  const titleField = form.getByLabel(inLanguage(en.activityForm.title), { exact: true });
  await hydrated(titleField);
  await titleField.fill(title);

  // From the lead agency, one Tab reaches the search of the partners.
  const partners = form.getByRole("group", { name: en.activityForm.partners });
  const search = partners.getByRole("combobox", { name: ui.partners.search });
  await form.getByLabel(en.activityForm.leadAgency, { exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(search).toBeFocused();
  await hydrated(search);

  // Typing filters; Enter picks the first match and keeps the list open for the next.
  await page.keyboard.type("internal");
  const listbox = page.getByRole("listbox");
  await expect(listbox.getByRole("option")).toHaveText(["Ministry of Internal Affairs (MIA)"]);
  await expectNoViolations(page);
  await page.keyboard.press("Enter");
  const chips = partners.getByRole("list", { name: /chosen/ });
  /** The chips' names (each chip also holds its remove button, named "Remove <name>"). */
  const chosen = chips.getByRole("listitem").locator("> span");
  await expect(chosen).toHaveText(["Ministry of Internal Affairs (MIA)"]);
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();

  // The Russian name finds an agency too; the arrows reach it and Space picks it.
  await page.keyboard.type("миграционн");
  await expect(listbox.getByRole("option")).toHaveText(["State Migration Service (SMS)"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press(" ");
  await expect(chosen).toHaveText(["Ministry of Internal Affairs (MIA)", "State Migration Service (SMS)"]);

  // A third, then Backspace in the empty search takes the last one off again.
  await page.keyboard.type("MNS");
  await page.keyboard.press("Enter");
  await expect(chips.getByRole("listitem")).toHaveCount(3);
  await page.keyboard.press("Backspace");
  await expect(chips.getByRole("listitem")).toHaveCount(2);

  // Escape closes the list.
  await page.keyboard.type("pro");
  await expect(listbox).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await expect(listbox).toBeHidden();
  await search.fill("");

  // Each chip has its own remove button, reached by Shift+Tab.
  await page.keyboard.press("Shift+Tab");
  const removeSms = partners.getByRole("button", {
    name: fill(ui.multiSelect.remove, { name: "State Migration Service (SMS)" }),
  });
  await expect(removeSms).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(chosen).toHaveText(["Ministry of Internal Affairs (MIA)"]);
  await expect(search).toBeFocused();
  // Put it back, to save two partners.
  await page.keyboard.type("state migration");
  await page.keyboard.press("Enter");

  // The save bar stays in view at the bottom while the long form scrolls.
  const create = form.getByRole("button", { name: en.activityForm.create });
  await titleField.scrollIntoViewIfNeeded();
  await expect(create).toBeInViewport();

  await create.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/turkmenistan\/activities\/[\w-]+$/);
  await expect(toast(page)).toBeVisible();
  const details = page.getByRole("region", { name: en.activityPage.details });
  await expect(details).toContainText("Ministry of Internal Affairs");
  await expect(details).toContainText("State Migration Service");
  await expect(details).not.toContainText("Ministry of National Security");

  // Editing starts from the saved partners, as chips.
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await expect(
    page
      .getByRole("group", { name: en.activityForm.partners })
      .getByRole("list", { name: /chosen/ })
      .getByRole("listitem")
      .locator("> span"),
  ).toHaveText(["Ministry of Internal Affairs (MIA)", "State Migration Service (SMS)"]);
});

test("an agency's actions menu opens by keyboard, edits in a dialog and archives, and a save says Saved", async ({
  page,
}) => {
  const name = unique("E2E Menu Agency");
  await signIn(page, USERS.coordinator);
  await page.goto("/turkmenistan/agencies");
  const main = page.getByRole("main");
  const createForm = main
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: en.agencies.createTitle }) });
  await createForm.getByLabel(inLanguage(en.agencies.name), { exact: true }).fill(name);
  await createForm.getByRole("button", { name: en.agencies.create }).click();
  await expect(createForm.getByRole("status")).toHaveText(en.agencies.created);
  await expect(toast(page)).toBeVisible();

  const row = main.getByRole("row").filter({ hasText: name });
  const trigger = row.getByRole("button", { name: fill(ui.actions.for, { name }) });
  await hydrated(trigger);

  // Enter opens the menu on its first item; Edit opens a dialog; Escape gives the focus back.
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: en.agencies.edit })).toBeFocused();
  await expectNoViolations(page);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toHaveAccessibleName(fill(ui.agencies.editTitle, { name }));
  const nameField = dialog.getByLabel(inLanguage(en.agencies.name), { exact: true });
  await expect(nameField).toHaveValue(name);
  await expectNoViolations(page);
  await nameField.fill(`${name} renamed`);
  await dialog.getByRole("button", { name: en.common.save }).click();
  await expect(dialog.getByRole("status")).not.toBeEmpty();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  const renamed = main.getByRole("row").filter({ hasText: `${name} renamed` });
  await expect(renamed).toHaveCount(1);

  // Archive, by the arrows and Enter.
  const renamedTrigger = renamed.getByRole("button", { name: fill(ui.actions.for, { name: `${name} renamed` }) });
  await renamedTrigger.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: en.agencies.archive })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await expect(renamed).toContainText(en.agencies.archived);
});
