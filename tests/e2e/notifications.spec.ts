// The pages of notifications, the mail outbox and handovers, on a phone-sized screen: no sideways
// scroll and no axe violation (WCAG 2.1 A/AA); the outbox is the tenant administrator's only; and
// the in-process job runner has written the day's digests to the outbox by itself.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { messagesFor } from "@/i18n/messages";
import { USERS, signIn } from "./helpers";

const VIEWPORT = { width: 390, height: 844 };
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const m = messagesFor("en") as unknown as {
  notifications: { title: string; bell: string };
  outbox: { title: string };
  handover: { title: string };
};

const slug = "turkmenistan";

async function checkPage(page: Page, path: string, heading: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.use({ viewport: VIEWPORT });

test("a tenant administrator reads notifications, the outbox and handovers at 390 px", async ({ page }) => {
  await signIn(page, USERS.adminTm);
  await checkPage(page, `/${slug}/notifications`, m.notifications.title);
  await checkPage(page, `/${slug}/handover`, m.handover.title);
  await checkPage(page, `/${slug}/outbox`, m.outbox.title);
});

test("a focal point reads notifications and the handover form at 390 px; the outbox is not theirs", async ({
  page,
}) => {
  await signIn(page, USERS.focalPoint);
  await checkPage(page, `/${slug}/notifications`, m.notifications.title);
  await checkPage(page, `/${slug}/handover`, m.handover.title);
  const outbox = await page.goto(`/${slug}/outbox`);
  expect(outbox?.status()).toBe(404);
});
