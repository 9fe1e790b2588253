import { expect, test, type Page } from "@playwright/test";
import { USERS, en, escapeRegExp, fill, hydrated, inLanguage, openActivePlan, signIn } from "./helpers";

// Forms say everything at once: every error beside its field, and a summary at the top that
// links to each field and takes the focus; and they do not lose what was typed by a stray click.

/** The coordinator's new-activity form under objective 1.1, reached as a person would. */
async function openNewActivityForm(page: Page): Promise<void> {
  await signIn(page, USERS.coordinator);
  await page.goto(`${await openActivePlan(page)}?mode=edit`);
  await page
    .getByRole("main")
    .getByRole("link", { name: `${en.structure.addActivity} ${fill(en.structure.toObjective, { code: "1.1" })}` })
    .click();
}

test("the activity form shows all its errors at once, with the focus on the summary", async ({ page }) => {
  // Checking the form in the browser runs zod under the app's CSP: no eval probe, no violation.
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  await page.exposeFunction("cspViolation", (d: string) => problems.push(`CSP: ${d}`));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { cspViolation: (d: string) => void }).cspViolation(e.violatedDirective),
    ),
  );
  await openNewActivityForm(page);
  const form = page
    .getByRole("main")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: en.activityForm.create }) });
  const title = form.getByLabel(inLanguage(en.activityForm.title), { exact: true });
  await hydrated(title);
  // No title, and an end before the start: two problems in one answer.
  await form.getByLabel(en.activityForm.plannedStart, { exact: true }).fill("2026-05-01");
  const end = form.getByLabel(en.activityForm.plannedEnd, { exact: true });
  await end.fill("2026-03-01");
  await form.getByRole("button", { name: en.activityForm.create }).click();

  const summary = form.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(summary).toContainText(en.validation.required);
  await expect(summary).toContainText(en.activityForm.validation.endBeforeStart);
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("group", { name: en.activityForm.title })).toHaveAttribute("aria-invalid", "true");

  // Each link takes the focus to its field.
  await summary.getByRole("link", { name: new RegExp(`^${escapeRegExp(en.activityForm.title)}:`) }).click();
  await expect(title).toBeFocused();
  await summary.getByRole("link", { name: new RegExp(`^${escapeRegExp(en.activityForm.plannedEnd)}:`) }).click();
  await expect(end).toBeFocused();
  expect(problems).toEqual([]);
});

test("leaving a form with unsaved changes asks first", async ({ page }) => {
  await openNewActivityForm(page);
  await page.waitForURL(/\/activities\/new/);
  const formUrl = page.url();
  const title = page.getByRole("main").getByLabel(inLanguage(en.activityForm.title), { exact: true });
  await hydrated(title);
  const away = page.getByRole("navigation", { name: en.nav.label }).getByRole("link", { name: en.nav.agencies });

  // Nothing typed yet: the link just goes.
  await away.click();
  await page.waitForURL(/\/turkmenistan\/agencies$/);
  await page.goto(formUrl);
  await hydrated(title);

  // Something typed: the app asks; staying keeps the text, leaving goes.
  await title.fill("Half-written activity");
  const questions: string[] = [];
  page.once("dialog", (d) => {
    questions.push(d.message());
    void d.dismiss();
  });
  await away.click();
  await expect.poll(() => questions).toEqual([en.common.unsavedChanges]);
  await expect(page).toHaveURL(/\/activities\/new/);
  await expect(title).toHaveValue("Half-written activity");
  page.once("dialog", (d) => void d.accept());
  await away.click();
  await page.waitForURL(/\/turkmenistan\/agencies$/);
});
