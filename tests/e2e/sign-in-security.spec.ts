// Sign-in as an attacker tries it: redirects to other sites, a cookie kept after signing out,
// a shared link that must survive sign-in.
import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { USERS, en, signIn, signOut, submitSignIn } from "./helpers";

// An "attacker's site" on another local port: if a redirect ever leaves the app, it lands here.
let evil: Server;
let evilHits = 0;
const EVIL_PORT = 3999;
test.beforeAll(async () => {
  evil = createServer((_req, res) => {
    evilHits++;
    res.end("evil");
  });
  await new Promise<void>((resolve) => evil.listen(EVIL_PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => evil.close(resolve));
});

const VARIANTS = [
  "/\\127.0.0.1:3999/evil",
  "//127.0.0.1:3999/evil",
  "/\t/127.0.0.1:3999/evil",
  "/%5C127.0.0.1:3999/evil",
  "/%2F127.0.0.1:3999/evil",
  "/%09/127.0.0.1:3999/evil",
  "http://127.0.0.1:3999/evil",
  "javascript:alert(document.domain)",
  "/.//127.0.0.1:3999/evil",
];

test.describe("after sign-in, only pages of this site", () => {
  for (const variant of VARIANTS) {
    test(`callbackUrl ${JSON.stringify(variant)} stays on this site`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      let dialog = false;
      page.on("dialog", (d) => {
        dialog = true;
        void d.dismiss();
      });
      const before = evilHits;
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(variant)}`);
      await submitSignIn(page, USERS.coordinator);
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await expect(page).toHaveURL("/turkmenistan");
      expect(new URL(page.url()).origin).toBe(origin);
      expect(evilHits).toBe(before);
      expect(dialog).toBe(false);
    });
  }

  test("a shared filtered link survives sign-in", async ({ page }) => {
    const shared = "/turkmenistan/activities?status=DELAYED";
    await page.goto(shared);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await submitSignIn(page, USERS.coordinator);
    await page.waitForURL((url) => url.pathname === "/turkmenistan/activities");
    expect(new URL(page.url()).search).toBe("?status=DELAYED");
  });

  test("a signed-in person opening the sign-in page goes to the page asked for, on this site only", async ({
    page,
  }) => {
    await signIn(page, USERS.coordinator);
    await page.goto("/sign-in?callbackUrl=%2Fturkmenistan%2Fagencies");
    await expect(page).toHaveURL("/turkmenistan/agencies");
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("//127.0.0.1:3999/evil")}`);
    await expect(page).toHaveURL("/turkmenistan");
  });
});

test.describe("sessions end on the server", () => {
  test("after signing out, the old cookie opens nothing", async ({ page, browser }) => {
    await signIn(page, USERS.coordinator);
    const cookies = await page.context().cookies();
    await signOut(page);
    // Someone who copied the cookie before the sign-out tries it in another browser.
    const thief = await browser.newContext();
    await thief.addCookies(cookies);
    const stolen = await thief.newPage();
    await stolen.goto("/turkmenistan");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await expect(stolen.getByRole("heading", { level: 1, name: en.auth.signInTitle })).toBeVisible();
    await thief.close();
  });

  test("'sign out on all devices' ends the sessions of other browsers", async ({ page, browser }) => {
    const other = await browser.newContext();
    const phone = await other.newPage();
    await signIn(phone, USERS.commission);
    await signIn(page, USERS.commission);
    await page.locator("header summary").click();
    await page.getByRole("button", { name: /^(Sign out on all devices|Выйти на всех устройствах)$/ }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await phone.goto("/turkmenistan");
    await expect(phone).toHaveURL(/\/sign-in/);
    await other.close();
  });
});
