// Shared steps for the end-to-end suite. The texts come from messages/<lang>/*.json, so a changed
// wording fails here only when the page and the message file disagree.
import { randomBytes } from "node:crypto";
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Response,
  type Route,
} from "@playwright/test";
import { messagesFor } from "../../i18n/messages";
import type enActivityForm from "../../messages/en/activity-form.json";
import type enBrowse from "../../messages/en/browse.json";
import type enCore from "../../messages/en/core.json";
import type enDashboard from "../../messages/en/dashboard.json";
import type enPlanAdmin from "../../messages/en/plan-admin.json";

/** All message files of a language merged, as the app loads them (i18n/messages.ts). */
export type Messages = typeof enCore &
  typeof enPlanAdmin &
  typeof enActivityForm &
  typeof enBrowse &
  typeof enDashboard;
export const en = messagesFor("en") as unknown as Messages;
export const ru = messagesFor("ru") as unknown as Messages;

export const DEMO_PASSWORD = "demo-pass-2018";

/** The demo sign-ins (prisma/seed-data/users.ts). */
export const USERS = {
  platformAdmin: "admin@example.org",
  coordinator: "coordinator@tm.example.org",
  focalPoint: "focal.mia@tm.example.org",
  iom: "iom@example.org",
  commission: "commission@tm.example.org", // a viewer whose saved language is Russian
  adminTm: "admin@tm.example.org",
  adminKz: "admin@kz.example.org",
  adminKg: "admin@kg.example.org",
} as const;

/** "Your role: {role}" in one language. */
export function roleText(m: Messages, role: keyof Messages["roles"]): string {
  return m.app.yourRole.replace("{role}", m.roles[role]);
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches a text exactly in either language. */
function either(pick: (m: Messages) => string): RegExp {
  return new RegExp(`^(${escapeRegExp(pick(en))}|${escapeRegExp(pick(ru))})$`);
}

/** Fills the sign-in form (in whichever language it shows) and submits it. Does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel(either((m) => m.auth.email)).fill(email);
  await page.getByLabel(either((m) => m.auth.password)).fill(password);
  await page.getByRole("button", { name: either((m) => m.auth.signIn) }).click();
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** A fresh id for rows a spec makes in the database itself. */
export const e2eId = () => `e2e${randomBytes(10).toString("hex")}`;

/** The ISO day `offset` days from today. */
export const dayFromToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The run's database as a superuser (row-level security does not apply to test setup), for specs
 * that make their own data; null without E2E_DATABASE_URL (the spec then skips).
 */
export function adminUrl(): string | null {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) return null;
  const u = new URL(url);
  u.username = process.env.E2E_SETUP_DB_USER ?? "postgres";
  return u.toString();
}

/** A fresh browser context (own cookies) signed in as `email`. Close it when done. */
export async function signedInContext(
  browser: Browser,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** Opens the user menu in the header and signs out; waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.locator("header summary").click();
  await page.getByRole("button", { name: either((m) => m.app.signOut) }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

/** The page shows the not-found page, answered with HTTP 404. */
export async function expectNotFound(page: Page, response: Response | null, m: Messages = en): Promise<void> {
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: m.errors.notFoundTitle })).toBeVisible();
}

/**
 * Waits until React has hydrated this element. Forms with server actions work before hydration
 * too (they post natively), but a controlled <select> whose onChange does the work does not:
 * changing it too early is silently undone.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps$"))), {
      message: "hydrated",
    })
    .toBe(true);
}

/** A value unique to this run, for emails and names that must not clash with earlier runs. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** A message with its simple {placeholders} filled in (no plurals). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Turkmenistan's active plan, NAP 2025-2029, opened from the overview as a person would. Returns its path. */
export async function openActivePlan(page: Page): Promise<string> {
  await page.goto("/turkmenistan");
  await page
    .getByRole("main")
    .getByRole("link", { name: /2025.2029/ })
    .click();
  await page.waitForURL(/\/turkmenistan\/plans\/[\w-]+$/);
  return new URL(page.url()).pathname;
}

/** The activity codes (first column) of a table's body, top to bottom. */
export async function codesIn(table: Locator): Promise<string[]> {
  return (await table.locator("tbody tr td:first-child").allInnerTexts()).map((t) => t.trim());
}

/** A server action's request as the browser sent it: replayable from another session. */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  /** The multipart body, base64. */
  body: string;
}

/**
 * Runs `submit` and catches the server action POST it makes (a request with a Next-Action header),
 * WITHOUT letting it reach the server: nothing is saved. The page's form then shows a failure;
 * leave or reload the page afterwards.
 */
export async function captureAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  let armed = false;
  const handler = async (route: Route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (!armed || captured || request.method() !== "POST" || !headers["next-action"]) return route.fallback();
    const keep = ["next-action", "next-router-state-tree", "content-type", "accept"];
    captured = {
      url: request.url(),
      headers: Object.fromEntries(keep.filter((k) => headers[k]).map((k) => [k, headers[k]])),
      body: (request.postDataBuffer() ?? Buffer.alloc(0)).toString("base64"),
    };
    await route.abort();
  };
  await page.route("**/*", handler);
  try {
    armed = true;
    await submit();
    await expect.poll(() => captured !== undefined, { message: "a server action request" }).toBe(true);
  } finally {
    await page.unroute("**/*", handler);
  }
  return captured!;
}

/**
 * Posts a captured server action again from `page`'s session, with fetch inside the page (so with
 * its cookies and origin). Returns the HTTP status, the raw answer and the message key in it.
 */
export async function replayAction(
  page: Page,
  action: CapturedAction,
): Promise<{ status: number; text: string; ok: boolean | null; messageKey: string | null }> {
  const { status, text } = await page.evaluate(async ({ url, headers, body }) => {
    const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
    const response = await fetch(url, { method: "POST", headers, body: bytes, credentials: "same-origin" });
    return { status: response.status, text: await response.text() };
  }, action);
  const okMatch = /"ok":(true|false)/.exec(text);
  const keyMatch = /"message":\{"key":"([\w.]+)"/.exec(text);
  return { status, text, ok: okMatch ? okMatch[1] === "true" : null, messageKey: keyMatch?.[1] ?? null };
}

/** The accessible name of a content field's input in one language: "Title: English" (see TextsField). */
export function inLanguage(label: string, language = "English"): string {
  return `${label}: ${language}`;
}
