import { expect, test, type Page } from "@playwright/test";
import { USERS, codesIn, en, openActivePlan, ru, signIn, signedInContext, type Messages } from "./helpers";

// Issue 3, browsing: the activity list of the active plan (NAP 2025-2029, seeded with 29
// activities 1.1.1 to 5.1.3), its filters in the URL, and a focal point's own activities. The
// assertions stay inside pillars 1-4 and seeded rows: plan-management.spec adds activities to
// section 5 (and may have run before on the same database).

/** The results table (its section is labelled by the count, in either language). */
const results = (page: Page) =>
  page.getByRole("main").locator("section[aria-labelledby='results-title']").getByRole("table");

/** The filter form's controls, by their visible labels. */
function filters(page: Page, m: Messages = en) {
  const form = page.getByRole("search", { name: m.browse.filters.title });
  return {
    form,
    search: form.getByLabel(m.browse.filters.search, { exact: true }),
    pillar: form.getByLabel(m.browse.filters.pillar, { exact: true }),
    agency: form.getByLabel(m.browse.filters.agency, { exact: true }),
    role: form.getByLabel(m.browse.filters.role, { exact: true }),
    sort: form.getByLabel(m.browse.filters.sort, { exact: true }),
    dir: form.getByLabel(m.browse.filters.direction, { exact: true }),
    status: (status: keyof Messages["activityStatus"]) =>
      form.getByRole("checkbox", { name: m.activityStatus[status], exact: true }),
    apply: form.getByRole("button", { name: m.browse.filters.apply }),
    clear: form.getByRole("link", { name: m.browse.filters.clear }),
  };
}

test("filters and search narrow the activity list, live in the URL and survive a reload", async ({ page, browser }) => {
  await signIn(page, USERS.iom); // a viewer: browsing needs no management role
  await page.goto("/turkmenistan/activities");
  await expect(page.getByRole("heading", { level: 1, name: en.browse.title })).toBeVisible();
  const table = results(page);
  const f = filters(page);
  await expect(table.locator("tbody tr")).toHaveCount(25); // the first page of the whole plan
  expect((await codesIn(table)).slice(0, 3)).toEqual(["1.1.1", "1.1.2", "1.1.3"]);

  // Text search over code, title and description: applied after a pause in typing, no button.
  await f.search.fill("victim");
  await expect(page).toHaveURL(/[?&]q=victim(&|$)/);
  await expect(f.search).toBeFocused(); // the list changed under the search box, not the focus
  await expect
    .poll(() => codesIn(table))
    .toEqual(["1.1.2", "1.1.4", "2.1.2", "2.1.3", "2.1.4", "3.1.2", "3.1.3", "3.2.4", "4.1.1"]);

  // A pillar and a status narrow it further, each as it is chosen.
  await f.pillar.selectOption({ label: en.pillars.PROTECTION });
  await expect(page).toHaveURL(/[?&]pillar=PROTECTION(&|$)/);
  await f.status("IN_PROGRESS").check();
  await expect(page).toHaveURL(/[?&]pillar=PROTECTION(&|$)/);
  await expect(page).toHaveURL(/[?&]status=IN_PROGRESS(&|$)/);
  await expect.poll(() => codesIn(table)).toEqual(["2.1.2", "2.1.3"]);
  await expect(page.getByRole("heading", { level: 2, name: /^2 activities/ })).toBeVisible();

  // A reload keeps the list and the form as they were.
  const filtered = page.url();
  await page.reload();
  expect(page.url()).toBe(filtered);
  await expect.poll(() => codesIn(table)).toEqual(["2.1.2", "2.1.3"]);
  await expect(f.search).toHaveValue("victim");
  await expect(f.pillar).toHaveValue("PROTECTION");
  await expect(f.status("IN_PROGRESS")).toBeChecked();
  await expect(f.status("COMPLETED")).not.toBeChecked();

  // The link can be shared: someone else (in Russian) opening it sees the same activities.
  const other = await signedInContext(browser, USERS.commission);
  try {
    await other.page.goto(filtered);
    await expect.poll(() => codesIn(results(other.page))).toEqual(["2.1.2", "2.1.3"]);
    await expect(filters(other.page, ru).search).toHaveValue("victim");
    await expect(filters(other.page, ru).status("IN_PROGRESS")).toBeChecked();
  } finally {
    await other.context.close();
  }

  // An agency, as lead only; then sorted by planned end, latest first.
  await f.clear.click();
  await expect(page).toHaveURL(/\/turkmenistan\/activities$/);
  await expect(f.search).toHaveValue("");
  await expect(f.pillar).toHaveValue("");
  await expect(f.status("IN_PROGRESS")).not.toBeChecked();
  await f.agency.selectOption({ label: "Ministry of Internal Affairs" });
  await expect(page).toHaveURL(/[?&]agency=/);
  await f.role.selectOption({ label: en.browse.filters.roles.lead });
  await expect(page).toHaveURL(/[?&]role=lead(&|$)/);
  await expect.poll(() => codesIn(table)).toEqual(["2.1.3", "3.2.1"]); // ends 2027-12-31 and 2029-12-31
  await table
    .getByRole("link", { name: `${en.browse.sortAction.replace("{column}", en.browse.columns.plannedEnd)}` })
    .click();
  await expect(page).toHaveURL(/[?&]sort=plannedEnd(&|$)/);
  await expect(table.getByRole("columnheader", { name: en.browse.columns.plannedEnd })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await table
    .getByRole("link", { name: `${en.browse.sortAction.replace("{column}", en.browse.columns.plannedEnd)}` })
    .click();
  await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
  await expect.poll(() => codesIn(table)).toEqual(["3.2.1", "2.1.3"]);
  // The form follows the links: applying it again keeps the sort and the agency.
  await expect(f.sort).toHaveValue("plannedEnd");
  await expect(f.dir).toHaveValue("desc");
  await f.apply.click();
  await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
  await expect.poll(() => codesIn(table)).toEqual(["3.2.1", "2.1.3"]);
  await page.reload();
  await expect.poll(() => codesIn(table)).toEqual(["3.2.1", "2.1.3"]);
  await expect(f.role).toHaveValue("lead");

  // Pages have their own addresses too.
  await page.goto("/turkmenistan/activities");
  await page
    .getByRole("navigation", { name: en.browse.pagination.label })
    .getByRole("link", { name: en.browse.pagination.next })
    .click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect.poll(async () => (await codesIn(table))[0]).toBe("4.1.3");
  await page.reload();
  await expect.poll(async () => (await codesIn(table))[0]).toBe("4.1.3");
});

test("a changed status filter updates the results at once; without JavaScript the button still filters", async ({
  page,
  browser,
}) => {
  await signIn(page, USERS.iom);

  // JavaScript off: choosing changes nothing until the button sends the form.
  const storageState = await page.context().storageState();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  let completed: string[];
  try {
    const plain = await context.newPage();
    await plain.goto("/turkmenistan/activities?size=50");
    const g = filters(plain);
    const all = await codesIn(results(plain));
    await g.status("COMPLETED").check();
    await expect(plain).toHaveURL(/\/turkmenistan\/activities\?size=50$/);
    expect(await codesIn(results(plain))).toEqual(all);
    await g.apply.click();
    await expect(plain).toHaveURL(/[?&]status=COMPLETED(&|$)/);
    await expect(g.status("COMPLETED")).toBeChecked();
    completed = await codesIn(results(plain));
    expect(completed.length).toBeGreaterThan(0);
    expect(completed).not.toEqual(all);
  } finally {
    await context.close();
  }

  // JavaScript on: the same choice applies without the button; the size stays, the page goes back to 1.
  await page.goto("/turkmenistan/activities?page=2&size=50");
  const f = filters(page);
  await f.status("COMPLETED").check();
  await expect(page).toHaveURL(/[?&]status=COMPLETED(&|$)/);
  await expect(page).toHaveURL(/[?&]size=50(&|$)/);
  expect(page.url()).not.toMatch(/[?&]page=/);
  await expect.poll(() => codesIn(results(page))).toEqual(completed);
  await expect(f.status("COMPLETED")).toBeChecked();
});

test("a focal point sees the activities their agency leads or partners in", async ({ page, browser }) => {
  await signIn(page, USERS.focalPoint);
  await page
    .getByRole("navigation", { name: en.nav.label })
    .getByRole("link", { name: en.browse.nav.myActivities })
    .click();
  await expect(page).toHaveURL("/turkmenistan/my-activities");
  await expect(page.getByRole("heading", { level: 1, name: en.browse.my.title })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText(en.browse.my.intro.replace("{agency}", "Ministry of Internal Affairs"));

  // The active plan's table: MIA leads 2.1.3 and 3.2.1 and partners in 1.2.3, 2.1.1, 4.1.1, 5.1.1.
  const active = main.getByRole("region", { name: /2025.2029/ }).getByRole("table");
  const row = (code: string) =>
    active.locator("tbody tr").filter({ has: page.getByRole("cell", { name: code, exact: true }) });
  const part = async (code: string) => (await row(code).getByRole("cell").nth(3).innerText()).trim();
  const codes = await codesIn(active);
  for (const code of ["1.2.3", "2.1.1", "2.1.3", "3.2.1", "4.1.1", "5.1.1"]) expect(codes).toContain(code);
  for (const code of ["1.1.1", "2.1.2", "3.1.1"]) expect(codes).not.toContain(code); // other agencies' work
  expect(await part("2.1.3")).toBe(en.browse.role.lead);
  expect(await part("3.2.1")).toBe(en.browse.role.lead);
  expect(await part("1.2.3")).toBe(en.browse.role.partner);
  // Earlier plans follow, each in its own table.
  await expect(main.getByRole("region", { name: /2020.2022/ }).getByRole("table")).toBeVisible();

  // The agency's own page counts its activities by status.
  await row("2.1.3").getByRole("link", { name: "Ministry of Internal Affairs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Ministry of Internal Affairs/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: en.agencyPage.countsTitle })).toBeVisible();

  // Anyone else is sent to the activity list.
  const other = await signedInContext(browser, USERS.coordinator);
  try {
    const p = other.page;
    await expect(
      p.getByRole("navigation", { name: en.nav.label }).getByRole("link", { name: en.browse.nav.myActivities }),
    ).toHaveCount(0);
    await p.goto("/turkmenistan/my-activities");
    await expect(p.getByRole("main").getByRole("link", { name: en.browse.my.toList })).toBeVisible();
  } finally {
    await other.context.close();
  }
});

// next-intl shows a missing message as its key ("browse.filters.title"): look for any such key.
const NAMESPACES = Object.keys(en).join("|");
const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES})\\.[A-Za-z_]+(?:\\.[A-Za-z_]+)*\\b`, "g");

for (const lang of ["en", "ru"] as const) {
  test(`the plan, activity and list pages are fully translated (${lang})`, async ({ browser }) => {
    const m = lang === "en" ? en : ru;
    // The coordinator has no saved language: the cookie decides, as the switcher would set it.
    const context = await browser.newContext();
    await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: test.info().project.use.baseURL! }]);
    const page = await context.newPage();
    try {
      await signIn(page, USERS.coordinator);
      const planPath = await openActivePlan(page);
      const main = page.getByRole("main");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      // Activity 2.1.3, led by the Ministry of Internal Affairs.
      const activityPath = await main
        .getByRole("link", {
          name: lang === "en" ? "Anonymised victim and case register" : "Обезличенный реестр жертв и уголовных дел",
        })
        .getAttribute("href");
      await page.goto(activityPath!);
      const lead = main
        .getByRole("region", { name: m.activityPage.details })
        .getByRole("link", { name: lang === "en" ? "Ministry of Internal Affairs" : "Министерство внутренних дел" });
      const agencyPath = await lead.getAttribute("href");
      const pages: [string, string][] = [
        [planPath, lang === "en" ? "Prevention" : "Предупреждение"],
        [`${planPath}/activities/new`, m.activityForm.newTitle],
        [activityPath!, m.history.title],
        [`${activityPath}/edit`, m.activityForm.sectionWhen],
        ["/turkmenistan/activities?status=DELAYED", m.browse.filters.title],
        [agencyPath!, m.agencyPage.countsTitle],
      ];
      for (const [path, expected] of pages) {
        await test.step(path, async () => {
          await page.goto(path);
          await expect(main).toContainText(expected);
          const text = await page.locator("body").innerText();
          expect(text.match(RAW_KEY) ?? [], `untranslated keys on ${path}`).toEqual([]);
        });
      }
    } finally {
      await context.close();
    }
  });
}
