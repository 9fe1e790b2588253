// Issue 8, everyday use: every page each demo person can reach, on a phone-sized screen (390 x 844),
// must not scroll sideways, must pass axe's WCAG 2.1 A and AA rules with no violation at all, and
// must log no console error. One sign-in per person: a describe block per person keeps one page
// open for all its paths. Ids (a plan, an activity, an agency) are read from the app's own links.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { USERS, signIn } from "./helpers";

const VIEWPORT = { width: 390, height: 844 };
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Placeholders in the paths below, each found as the first link of its kind on a page. */
const LINKS = {
  plan: { from: "/turkmenistan", href: /^\/turkmenistan\/plans\/[\w-]+$/ },
  activity: { from: "/turkmenistan/activities", href: /^\/turkmenistan\/activities\/[\w-]+$/ },
  agency: { from: "/turkmenistan/agencies", href: /^\/turkmenistan\/agencies\/[\w-]+$/ },
} as const;
type LinkKey = keyof typeof LINKS;

interface Case {
  path: string;
  /** Expected HTTP status of the page (200 unless said). */
  status?: number;
  /** Check again with every disclosure (<details>: the user menu, inline edit forms) open. */
  open?: boolean;
  /** Known to fail, with the reason: the case is reported as fixme instead of run. */
  fixme?: string;
}

const BROWSE: Case[] = [
  { path: "/turkmenistan", open: true },
  { path: "/turkmenistan?pillar=PROTECTION&submitted=1" },
  { path: "/turkmenistan/plans" },
  { path: "/turkmenistan/plans/{plan}", open: true },
  { path: "/turkmenistan/plans/{plan}/periods" },
  { path: "/turkmenistan/activities" },
  { path: "/turkmenistan/activities?q=victim&status=IN_PROGRESS" },
  { path: "/turkmenistan/activities/{activity}" },
  { path: "/turkmenistan/activities/{activity}/report", open: true },
  { path: "/turkmenistan/notifications" },
  { path: "/turkmenistan/agencies", open: true },
  { path: "/turkmenistan/agencies/{agency}" },
  { path: "/account", open: true },
  { path: "/turkmenistan/access", open: true },
  { path: "/turkmenistan/activities/no-such-activity", status: 404 },
];

const MANAGE: Case[] = [
  { path: "/turkmenistan/plans/{plan}?mode=edit", open: true },
  { path: "/turkmenistan/plans/new" },
  { path: "/turkmenistan/plans/{plan}/edit" },
  { path: "/turkmenistan/plans/{plan}/activities/new" },
  { path: "/turkmenistan/activities/{activity}/edit" },
  { path: "/turkmenistan/review", open: true },
  { path: "/turkmenistan/review?state=any" },
  { path: "/turkmenistan/review/compliance" },
];

/** `locale`: the browser's language, for people with no saved language (Russian labels are longer). */
const PEOPLE: { who: string; email: string | null; locale?: string; cases: Case[] }[] = [
  {
    who: "signed out",
    email: null,
    cases: [{ path: "/sign-in" }, { path: "/reset-password/not-a-real-token" }, { path: "/invite/not-a-real-token" }],
  },
  {
    who: "platform admin",
    email: USERS.platformAdmin,
    cases: [
      { path: "/tenants" },
      { path: "/admin" },
      { path: "/admin/users", open: true },
      { path: "/admin/security" },
      { path: "/admin/tenants/turkmenistan" },
      { path: "/account" },
      { path: "/no-such-page", status: 404 },
    ],
  },
  {
    who: "tenant admin",
    email: USERS.adminTm,
    cases: [
      ...BROWSE,
      ...MANAGE,
      { path: "/turkmenistan/members", open: true },
      { path: "/turkmenistan/members/security" },
      { path: "/turkmenistan/settings" },
      { path: "/turkmenistan/outbox", open: true },
    ],
  },
  { who: "coordinator", email: USERS.coordinator, cases: [...BROWSE, ...MANAGE] },
  {
    who: "focal point",
    email: USERS.focalPoint,
    cases: [...BROWSE, { path: "/turkmenistan/my-activities" }, { path: "/turkmenistan/handover" }],
  },
  {
    who: "IOM viewer",
    email: USERS.iom,
    cases: [{ path: "/tenants" }, ...BROWSE, { path: "/kazakhstan" }, { path: "/kyrgyzstan/activities" }],
  },
  { who: "commission viewer (Russian)", email: USERS.commission, cases: BROWSE },
  {
    who: "focal point, browser in Russian",
    email: USERS.focalPoint,
    locale: "ru-RU",
    cases: [
      { path: "/turkmenistan", open: true },
      { path: "/turkmenistan/my-activities" },
      { path: "/turkmenistan/activities/{activity}/report", open: true },
      { path: "/turkmenistan/notifications" },
      { path: "/turkmenistan/access" },
    ],
  },
  {
    who: "coordinator, browser in Russian",
    email: USERS.coordinator,
    locale: "ru-RU",
    cases: [{ path: "/turkmenistan/agencies", open: true }, ...MANAGE],
  },
];

/** Ids are the same for everyone; found once per worker. */
const found = new Map<LinkKey, string>();

async function resolvePath(page: Page, path: string): Promise<string> {
  let resolved = path;
  for (const key of Object.keys(LINKS) as LinkKey[]) {
    if (!resolved.includes(`{${key}}`)) continue;
    if (!found.has(key)) {
      const { from, href } = LINKS[key];
      await page.goto(from);
      const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      const match = hrefs.find((h): h is string => h !== null && href.test(h));
      if (!match) throw new Error(`no link like ${href} on ${from}`);
      found.set(key, match.split("/").pop()!);
    }
    resolved = resolved.replaceAll(`{${key}}`, found.get(key)!);
  }
  return resolved;
}

/**
 * The outermost elements that stick out to the right of the screen, leaving out what a box that
 * scrolls or clips holds. An absolutely positioned element escapes such a box unless the box (or
 * something inside it) is positioned: that is how a screen-reader-only text in a table header can
 * widen the page, so it is followed here too.
 */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls =
        typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      return `${el.tagName.toLowerCase()}${id}${cls} (right ${Math.round(el.getBoundingClientRect().right)}px)`;
    };
    // clipped: in-flow content here is inside a clipping box; clippedAbs: the same for absolutely
    // positioned content (true only when its containing block is inside the clipping box).
    const walk = (el: Element, clipped: boolean, clippedAbs: boolean) => {
      const style = getComputedStyle(el);
      const own = style.position === "fixed" ? false : style.position === "absolute" ? clippedAbs : clipped;
      if (!own && el.getBoundingClientRect().right > width + 0.5) {
        out.push(describe(el));
        return; // its children are part of the same problem
      }
      const inner = own || ["auto", "scroll", "hidden", "clip"].includes(style.overflowX);
      const innerAbs = style.position === "static" ? clippedAbs : inner;
      for (const child of el.children) walk(child, inner, innerAbs);
    };
    for (const child of document.body.children) walk(child, false, false);
    return out.slice(0, 8);
  });
}

/** No sideways scroll of the page, and no axe violation (soft: every problem of a page is listed). */
async function expectFitsAndIsAccessible(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const sticking = scrollWidth > innerWidth ? await overflowingElements(page) : [];
  expect
    .soft(
      scrollWidth,
      `${what} scrolls sideways (${scrollWidth} > ${innerWidth}); sticking out:\n  ${sticking.join("\n  ")}`,
    )
    .toBeLessThanOrEqual(innerWidth);

  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = axe.violations.map(
    (v) =>
      `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`)
        .join("\n")}`,
  );
  expect.soft(violations, `axe violations on ${what}:\n${violations.join("\n")}`).toEqual([]);
}

for (const person of PEOPLE) {
  test.describe(`at 390 px, ${person.who}`, () => {
    let context: BrowserContext;
    let page: Page;
    const consoleErrors: string[] = [];

    test.beforeAll(async ({ browser }, testInfo) => {
      context = await browser.newContext({
        viewport: VIEWPORT,
        baseURL: testInfo.project.use.baseURL,
        locale: person.locale ?? testInfo.project.use.locale,
      });
      page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
      if (person.email) await signIn(page, person.email);
    });

    test.afterAll(async () => {
      await context?.close();
    });

    for (const c of person.cases) {
      const title = `${c.path}${c.status ? ` (${c.status})` : ""}`;
      if (c.fixme) {
        test.fixme(`${title}: ${c.fixme}`, () => {});
        continue;
      }
      test(title, async () => {
        const path = await resolvePath(page, c.path);
        consoleErrors.length = 0;
        const response = await page.goto(path);
        expect(response?.status(), `HTTP status of ${path}`).toBe(c.status ?? 200);
        await page.waitForLoadState("networkidle").catch(() => undefined);

        await expectFitsAndIsAccessible(page, path);
        if (c.open) {
          await page
            .locator("details")
            .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
          await expectFitsAndIsAccessible(page, `${path} with every <details> open`);
        }

        // The browser reports the 404 answer of the page itself as a console error; that one is expected.
        const errors = consoleErrors.filter(
          (e) => !(c.status === 404 && e.includes("status of 404") && e.includes(new URL(page.url()).pathname)),
        );
        expect.soft(errors, `console errors on ${path}`).toEqual([]);
      });
    }
  });
}
