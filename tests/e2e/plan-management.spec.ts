import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  USERS,
  captureAction,
  en,
  expectNotFound,
  fill,
  hydrated,
  openActivePlan,
  replayAction,
  ru,
  signIn,
  signedInContext,
  unique,
  inLanguage,
} from "./helpers";
import enUi from "../../messages/en/ui.json";

// Issue 3: a coordinator shapes the active Turkmenistan plan (NAP 2025-2029); viewers only read it.
// Every run adds its own objective and activity (unique titles, the next free codes), so the suite
// also passes on a database an earlier run has used.

const day = (iso: string, locale = "en") =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** The form (or block) a <summary> opens: its parent <details>. */
const opened = (summary: Locator) => summary.locator("xpath=..");

/** The activity form (new or edit): the edit page has further forms (indicators, removal). */
const activityForm = (page: Page) =>
  page
    .getByRole("main")
    .locator("form")
    .filter({
      has: page.getByRole("button", { name: new RegExp(`^(${en.activityForm.create}|${en.activityForm.save})$`) }),
    });

/** The history entries of the activity page, newest first. */
const historyItems = (page: Page) => page.getByRole("region", { name: en.history.title }).getByRole("listitem");

test("a coordinator adds an objective and an activity with two indicators, then re-plans it with a reason", async ({
  page,
  browser,
}) => {
  const objectiveTitle = unique("E2E objective");
  const activityTitle = unique("E2E activity");
  const reason = unique("Donor funding arrives six months later");
  await signIn(page, USERS.coordinator);
  const planPath = await openActivePlan(page);
  const main = page.getByRole("main");
  // The plan page reads first, for coordinators too: no forms, no buttons, until "Edit structure".
  await expect(main.locator("form")).toHaveCount(0);
  await expect(main.locator("button")).toHaveCount(0);
  await main.getByRole("link", { name: en.structure.editStructure }).click();
  await page.waitForURL(/\?mode=edit$/);

  // The objective, under the plan's last section ("5. Coordination and monitoring").
  const addObjective = main.locator("summary", { hasText: fill(en.structure.addObjectiveTo, { code: "5" }) });
  await addObjective.click();
  const objectiveForm = opened(addObjective);
  const objectiveCodeField = objectiveForm.getByLabel(en.structure.objectiveCode, { exact: true });
  await hydrated(objectiveCodeField);
  const objectiveCode = await objectiveCodeField.inputValue(); // the next free number, suggested
  expect(objectiveCode).toMatch(/^5\.\d+$/);
  await objectiveForm.getByLabel(inLanguage(en.structure.title), { exact: true }).fill(objectiveTitle);
  await objectiveForm.getByRole("button", { name: en.structure.addObjective }).click();
  await expect(objectiveForm.getByRole("status")).toHaveText(en.structure.objectiveCreated);
  const objective = main.getByRole("region", { name: `${objectiveCode} ${objectiveTitle}` });
  await expect(objective).toBeVisible();
  await expect(objective).toContainText(en.structure.noActivities);

  // An activity under it, with two indicators.
  await objective
    .getByRole("link", {
      name: `${en.structure.addActivity} ${fill(en.structure.toObjective, { code: objectiveCode })}`,
      exact: true,
    })
    .click();
  await expect(page).toHaveURL(/\/activities\/new\?objective=/);
  await expect(page.getByRole("heading", { level: 1, name: en.activityForm.newTitle })).toBeVisible();
  const form = activityForm(page);
  const code = `${objectiveCode}.1`;
  await expect(form.getByLabel(en.activityForm.objective, { exact: true }).locator("option:checked")).toHaveText(
    `${objectiveCode} ${objectiveTitle}`,
  );
  await expect(form.getByLabel(en.activityForm.code, { exact: true })).toHaveValue(code);
  await expect(form.getByText(fill(en.activityForm.codeFree, { code }))).toBeVisible(); // checked as typed (after hydration)
  await form.getByLabel(inLanguage(en.activityForm.title), { exact: true }).fill(activityTitle);
  await form
    .getByLabel(inLanguage(en.activityForm.description), { exact: true })
    .fill("Created by the end-to-end suite.");
  await form
    .getByLabel(en.activityForm.leadAgency, { exact: true })
    .selectOption({ label: "Ministry of Foreign Affairs (MFA)" });
  await form.getByRole("combobox", { name: enUi.ui.partners.search }).fill("Internal");
  await page.getByRole("listbox").getByRole("option", { name: "Ministry of Internal Affairs (MIA)" }).click();
  await form.getByLabel(en.activityForm.plannedStart, { exact: true }).fill("2026-01-15");
  await form.getByLabel(en.activityForm.plannedEnd, { exact: true }).fill("2027-06-30");
  await form.getByLabel(en.activityForm.budget, { exact: true }).fill("25000");
  await form.getByLabel(en.activityForm.currency, { exact: true }).fill("USD");

  await form.getByRole("button", { name: en.activityForm.addIndicator }).click();
  await form.getByRole("button", { name: en.activityForm.addIndicator }).click();
  const first = form.getByRole("region", { name: fill(en.activityForm.indicatorN, { n: 1 }) });
  const second = form.getByRole("region", { name: fill(en.activityForm.indicatorN, { n: 2 }) });
  await first.getByLabel(inLanguage(en.indicatorForm.name), { exact: true }).fill("E2E officers trained");
  await first.getByLabel(en.indicatorForm.baseline, { exact: true }).fill("0");
  await first.getByLabel(en.indicatorForm.target, { exact: true }).fill("120");
  await first.getByLabel(en.indicatorForm.targetYear, { exact: true }).fill("2027");
  // Officers are trained course by course: each report gives that period's number.
  const perPeriod = first.getByRole("radio", { name: en.indicatorForm.valueKinds.PER_PERIOD, exact: true });
  await expect(first.getByRole("radio", { name: en.indicatorForm.valueKinds.CUMULATIVE, exact: true })).toBeChecked();
  await expect(perPeriod).toHaveAccessibleDescription(en.indicatorForm.valueKindHints.PER_PERIOD);
  await perPeriod.check();
  await first.getByRole("button", { name: en.indicatorForm.addDimension }).click();
  await first.getByLabel(fill(en.indicatorForm.dimension, { n: 1 }), { exact: true }).fill("sex");
  await first.getByLabel(fill(en.indicatorForm.categories, { n: 1 }), { exact: true }).fill("female, male");
  await second.getByLabel(inLanguage(en.indicatorForm.name), { exact: true }).fill("E2E referral procedure adopted");
  await second
    .getByLabel(en.indicatorForm.unit, { exact: true })
    .selectOption({ label: en.indicatorForm.units.YES_NO });
  await second.getByLabel(en.indicatorForm.baseline, { exact: true }).selectOption({ label: en.indicatorForm.no });
  await second.getByLabel(en.indicatorForm.target, { exact: true }).selectOption({ label: en.indicatorForm.yes });
  await form.getByRole("button", { name: en.activityForm.create }).click();

  // Saved: on to the activity's page.
  await page.waitForURL(/\/turkmenistan\/activities\/[\w-]+$/);
  const activityPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${code}${activityTitle}`);
  const details = page.getByRole("region", { name: en.activityPage.details });
  await expect(details).toContainText(`${en.activityPage.leadAgency}Ministry of Foreign Affairs`);
  await expect(details).toContainText(`${en.activityPage.partners}Ministry of Internal Affairs`);
  await expect(details).toContainText(`${en.activityPage.plannedEnd}${day("2027-06-30")}`);
  const indicators = page
    .getByRole("table", { name: fill(en.activityPage.indicators.caption, { code }) })
    .locator("tbody tr");
  await expect(indicators).toHaveCount(2);
  await expect(indicators.nth(0)).toContainText("E2E officers trained");
  await expect(indicators.nth(0)).toContainText("120");
  await expect(indicators.nth(0)).toContainText("sex: female, male");
  await expect(indicators.nth(0)).toContainText(en.activityPage.indicators.valueKinds.PER_PERIOD);
  await expect(indicators.nth(1)).toContainText(en.activityPage.indicators.valueKinds.CUMULATIVE);
  await expect(indicators.nth(1)).toContainText("E2E referral procedure adopted");
  await expect(indicators.nth(1)).toContainText(en.activityPage.indicators.units.YES_NO);
  await expect(indicators.nth(1).getByRole("cell").nth(2)).toHaveText(en.activityPage.indicators.yes); // target
  await expect(historyItems(page).filter({ hasText: en.history.actions.activity.created })).toHaveCount(1);
  await expect(historyItems(page).filter({ hasText: en.history.actions.indicator.created })).toHaveCount(2);
  // Recorded values read as people write them: a year, a breakdown.
  const officers = historyItems(page)
    .filter({ hasText: en.history.actions.indicator.created })
    .filter({ hasText: "E2E officers trained" });
  await expect(officers.getByRole("row", { name: en.history.fields.targetYear })).toHaveText(
    `${en.history.fields.targetYear}${en.history.empty}2027`,
  );
  await expect(officers.getByRole("row", { name: en.history.fields.disaggregation })).toHaveText(
    `${en.history.fields.disaggregation}${en.history.empty}sex: female, male`,
  );
  await expect(officers.getByRole("row", { name: en.history.fields.valueKind })).toHaveText(
    `${en.history.fields.valueKind}${en.history.empty}${en.activityPage.indicators.valueKinds.PER_PERIOD}`,
  );

  // Re-planned: a later end asks for a reason, and refuses to save without one.
  await page.getByRole("link", { name: en.activityPage.edit }).click();
  await expect(page.getByRole("heading", { level: 1, name: fill(en.activityForm.editTitle, { code }) })).toBeVisible();
  const plannedEnd = form.getByLabel(en.activityForm.plannedEnd, { exact: true });
  await hydrated(plannedEnd);
  await expect(form.getByLabel(en.activityForm.reason)).toHaveCount(0);
  await plannedEnd.fill("2027-12-31");
  const reasonField = form.getByLabel(en.activityForm.reason, { exact: true });
  await expect(reasonField).toBeVisible();
  await form.getByRole("button", { name: en.activityForm.save }).click();
  await expect(reasonField).toHaveAttribute("aria-invalid", "true");
  await expect(reasonField).toHaveAccessibleDescription(
    // The error first, then the hint.
    `${en.activityForm.validation.reasonRequired} ${en.activityForm.reasonHint}`,
  );
  await expect(plannedEnd).toHaveValue("2027-12-31");
  await reasonField.fill(reason);
  await form.getByRole("button", { name: en.activityForm.save }).click();

  // The activity page shows the new end, and its history the change with its reason, newest first.
  await page.waitForURL((url) => url.pathname === activityPath);
  await expect(details).toContainText(`${en.activityPage.plannedEnd}${day("2027-12-31")}`);
  const latest = historyItems(page).first();
  await expect(latest).toContainText(en.history.actions.activity.updated);
  await expect(latest).toContainText(fill(en.history.by, { name: "Maral Annayeva" }));
  await expect(latest).toContainText(`${en.history.reason}: ${reason}`);
  await expect(latest.getByRole("row", { name: en.history.fields.plannedEnd })).toHaveText(
    `${en.history.fields.plannedEnd}${day("2027-06-30")}${day("2027-12-31")}`,
  );
  await expect(latest.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  const texts = await historyItems(page).allInnerTexts();
  const updatedAt = texts.findIndex((t) => t.includes(en.history.actions.activity.updated));
  const createdAt = texts.findIndex((t) => t.includes(en.history.actions.activity.created));
  expect(updatedAt).toBe(0);
  expect(createdAt).toBeGreaterThan(updatedAt);
  // Newest first by the recorded times as well.
  const times = await historyItems(page)
    .locator("time")
    .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  // The plan page lists it under its objective, with the new end.
  await page.goto(planPath);
  const row = main
    .getByRole("region", { name: `${objectiveCode} ${objectiveTitle}` })
    .getByRole("row")
    .filter({ hasText: activityTitle });
  await expect(row).toContainText(code);
  await expect(row).toContainText("Ministry of Foreign Affairs");
  await expect(row).toContainText("Dec 31, 2027");

  // The partner agency's focal point finds it in "My activities".
  const focal = await signedInContext(browser, USERS.focalPoint);
  try {
    await focal.page
      .getByRole("navigation", { name: en.nav.label })
      .getByRole("link", { name: en.browse.nav.myActivities })
      .click();
    const mine = focal.page.getByRole("main").getByRole("row").filter({ hasText: activityTitle });
    await expect(mine).toContainText(en.browse.role.partner);
  } finally {
    await focal.context.close();
  }
});

test("a bad activity is refused next to the field and keeps what was typed", async ({ page }) => {
  const title = unique("E2E refused activity");
  await signIn(page, USERS.coordinator);
  await page.goto(`${await openActivePlan(page)}?mode=edit`);
  const main = page.getByRole("main");
  await main
    .getByRole("link", {
      name: `${en.structure.addActivity} ${fill(en.structure.toObjective, { code: "1.1" })}`,
      exact: true,
    })
    .click();
  const form = activityForm(page);
  const codeField = form.getByLabel(en.activityForm.code, { exact: true });
  await hydrated(codeField);

  // The code is checked while typing: 1.1.1 exists.
  await codeField.fill("1.1.1");
  await expect(form.getByText(fill(en.activityForm.codeTaken, { code: "1.1.1" }))).toBeVisible();
  await expect(codeField).toHaveAttribute("aria-invalid", "true");

  // An end before the start: refused in the form, at the end date.
  await form.getByLabel(inLanguage(en.activityForm.title), { exact: true }).fill(title);
  const start = form.getByLabel(en.activityForm.plannedStart, { exact: true });
  const end = form.getByLabel(en.activityForm.plannedEnd, { exact: true });
  await start.fill("2026-05-01");
  await end.fill("2026-03-01");
  await form.getByRole("button", { name: en.activityForm.create }).click();
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription(en.activityForm.validation.endBeforeStart);
  await expect(form.getByRole("status")).toHaveText(en.errors.invalidInput);
  await expect(page).toHaveURL(/\/activities\/new/);
  await expect(form.getByLabel(inLanguage(en.activityForm.title), { exact: true })).toHaveValue(title);
  await expect(start).toHaveValue("2026-05-01");
  await expect(end).toHaveValue("2026-03-01");

  // Dates fixed, the taken code left: the server refuses, says so at the code, and gives back every value.
  await end.fill("2026-09-30");
  await form.getByRole("button", { name: en.activityForm.create }).click();
  await expect(form.getByRole("status")).toHaveText(en.errors.invalidInput);
  await expect(codeField).toHaveAccessibleDescription(
    `${en.activityForm.validation.codeTaken} ${en.activityForm.codeHint}`,
  );
  await expect(codeField).toHaveValue("1.1.1");
  await expect(form.getByLabel(inLanguage(en.activityForm.title), { exact: true })).toHaveValue(title);
  await expect(start).toHaveValue("2026-05-01");
  await expect(end).toHaveValue("2026-09-30");
  await expect(page).toHaveURL(/\/activities\/new/);

  // Nothing was created.
  await page.goto(`/turkmenistan/activities?q=${encodeURIComponent(title)}`);
  await expect(
    page.getByRole("heading", { level: 2, name: new RegExp(`^${en.browse.count.match(/=0 \{([^}]*)\}/)![1]}`) }),
  ).toBeVisible();
});

test("a viewer sees no edit controls, gets 404 on the edit pages and is refused when posting the actions anyway", async ({
  page,
  browser,
}) => {
  // The coordinator's real requests, stopped before they reach the server: a re-planned end date
  // (with its reason) for activity 4.1.3, and a new objective.
  await signIn(page, USERS.coordinator);
  const planPath = await openActivePlan(page);
  const main = page.getByRole("main");
  await main.getByRole("link", { name: /^Trafficking sections in UPR/ }).click();
  await page.waitForURL(/\/turkmenistan\/activities\/[\w-]+$/);
  const activityPath = new URL(page.url()).pathname;
  const historyBefore = await historyItems(page).count();
  await page.getByRole("link", { name: en.activityPage.edit }).click();
  const form = activityForm(page);
  const plannedEnd = form.getByLabel(en.activityForm.plannedEnd, { exact: true });
  await hydrated(plannedEnd);
  const endBefore = await plannedEnd.inputValue();
  const endAfter = new Date(Date.parse(`${endBefore}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10); // a day earlier
  await plannedEnd.fill(endAfter);
  await form.getByLabel(en.activityForm.reason, { exact: true }).fill("Forged by the end-to-end suite");
  const update = await captureAction(page, () => form.getByRole("button", { name: en.activityForm.save }).click());

  const objectiveTitle = unique("E2E forged objective");
  await page.goto(`${planPath}?mode=edit`);
  const addObjective = main.locator("summary", { hasText: fill(en.structure.addObjectiveTo, { code: "4" }) });
  await addObjective.click();
  const objectiveForm = opened(addObjective);
  await hydrated(objectiveForm.getByLabel(en.structure.objectiveCode, { exact: true }));
  await objectiveForm.getByLabel(inLanguage(en.structure.title), { exact: true }).fill(objectiveTitle);
  const createObjective = await captureAction(page, () =>
    objectiveForm.getByRole("button", { name: en.structure.addObjective }).click(),
  );

  // The viewer (Russian interface) reads the same pages without any control.
  const viewer = await signedInContext(browser, USERS.commission);
  try {
    const v = viewer.page;
    const vMain = v.getByRole("main");
    await v.goto(planPath);
    await expect(v.getByRole("heading", { level: 2, name: "1. Предупреждение" })).toBeVisible();
    await expect(vMain.getByRole("link", { name: /^Кампания ко Всемирному дню/ })).toBeVisible();
    await expect(vMain.locator("form")).toHaveCount(0);
    await expect(vMain.locator("button")).toHaveCount(0);
    await expect(vMain.locator("a[href$='/edit'], a[href*='/activities/new']")).toHaveCount(0);
    await expect(vMain.getByText(ru.planAdmin.editLink)).toHaveCount(0);
    await expect(vMain.getByText(ru.structure.addActivity)).toHaveCount(0);

    await v.goto(activityPath);
    await expect(v.getByRole("heading", { level: 1 })).toContainText("4.1.3");
    await expect(v.getByRole("region", { name: ru.history.title })).toBeVisible();
    await expect(vMain.getByRole("link", { name: ru.activityPage.edit })).toHaveCount(0);
    await expect(vMain.locator("a[href$='/edit'], form, button")).toHaveCount(0);

    await expectNotFound(v, await v.goto(`${activityPath}/edit`), ru);
    await expectNotFound(v, await v.goto(`${planPath}/activities/new`), ru);
    await expectNotFound(v, await v.goto(`${planPath}/edit`), ru);

    // Posting the coordinator's requests anyway: the server refuses both.
    await v.goto(activityPath);
    for (const [what, action] of [
      ["update", update],
      ["create objective", createObjective],
    ] as const) {
      const answer = await replayAction(v, action);
      expect(answer.status, what).toBe(200);
      expect(answer.ok, what).toBe(false);
      expect(answer.messageKey, what).toBe("errors.forbidden");
    }
    expect(ru.errors.forbidden).toBeTruthy();
  } finally {
    await viewer.context.close();
  }

  // Nothing changed: the coordinator sees the old end date, the same history, no new objective.
  await page.goto(activityPath);
  const details = page.getByRole("region", { name: en.activityPage.details });
  await expect(details).toContainText(`${en.activityPage.plannedEnd}${day(endBefore)}`);
  await expect(historyItems(page)).toHaveCount(historyBefore);
  await page.goto(planPath);
  await expect(main.getByText(objectiveTitle)).toHaveCount(0);

  // The same request from the coordinator's own session is accepted: it was refused for the role alone.
  const control = await replayAction(page, update);
  expect(control.ok).toBe(true);
  await page.goto(activityPath);
  await expect(details).toContainText(`${en.activityPage.plannedEnd}${day(endAfter)}`);
  await expect(historyItems(page).first()).toContainText("Forged by the end-to-end suite");
});
