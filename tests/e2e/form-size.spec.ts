// A form with more text than the browser lets go (about 1 MB; files get room of their own up to
// the server-action body limit, lib/domain/limits.ts): the browser refuses to send it and says
// why, keeping what was typed; a body over the server's limit is refused in words, and if one
// gets through anyway, the error page says the form was too large.
import { expect, test } from "@playwright/test";
import enSecurity from "../../messages/en/security.json";
import {
  FORM_TEXT_LIMIT_BYTES,
  SERVER_ACTION_BODY_LIMIT,
  SERVER_ACTION_BODY_LIMIT_BYTES,
} from "../../lib/domain/limits";
import { USERS, en, hydrated, signIn, unique, inLanguage } from "./helpers";

const limits = enSecurity.limits;
/** An ICU message with its {name, number} arguments filled as English formats them. */
const format = (template: string, values: Record<string, number>) =>
  template.replace(/\{(\w+), number\}/g, (_, key: string) => new Intl.NumberFormat("en").format(values[key]));

async function openCreateAgencyForm(page: import("@playwright/test").Page) {
  await signIn(page, USERS.coordinator);
  await page.goto("/turkmenistan/agencies");
  const form = page
    .getByRole("main")
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: en.agencies.createTitle }) });
  await hydrated(form.getByLabel(inLanguage(en.agencies.name), { exact: true }));
  return form;
}

test("a form with over 1 MB of text is not sent: a message says so, and the text stays in the field", async ({
  page,
}) => {
  const form = await openCreateAgencyForm(page);
  const actionPosts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actionPosts.push(r.url());
  });
  const name = form.getByLabel(inLanguage(en.agencies.name), { exact: true });
  const text = `${unique("E2E huge")} ${"x".repeat(1_200_000)}`;
  await name.evaluate((input: HTMLInputElement, value) => (input.value = value), text);
  await form.getByLabel(inLanguage(en.agencies.shortName), { exact: true }).fill("Huge");
  await form.getByRole("button", { name: en.agencies.create }).click();

  const message = page.getByTestId("form-too-large");
  await expect(message).toBeVisible();
  await expect(message).toContainText(limits.formTooLarge.title);
  await expect(message).toContainText(limits.formTooLarge.advice);
  await expect(message).toContainText(limits.formTooLarge.largest.replace("{field}", inLanguage(en.agencies.name)));
  // The sizes, in kilobytes: this form's text (at least the 1.2 MB typed) and the text limit.
  const shown = /about ([\d,]+) KB, and at most ([\d,]+) KB/.exec((await message.textContent()) ?? "");
  expect(shown).not.toBeNull();
  expect(Number(shown![1].replace(/,/g, ""))).toBeGreaterThanOrEqual(Math.floor(1_200_000 / 1024));
  expect(Number(shown![2].replace(/,/g, ""))).toBe(FORM_TEXT_LIMIT_BYTES / 1024);

  // Nothing typed is lost, nothing was sent.
  expect(await name.inputValue()).toBe(text);
  await expect(form.getByLabel(inLanguage(en.agencies.shortName), { exact: true })).toHaveValue("Huge");
  expect(actionPosts).toEqual([]);

  // Shortened, the same form goes through.
  await name.fill(text.slice(0, 60).trim());
  await form.getByRole("button", { name: en.agencies.create }).click();
  await expect(form.getByRole("status")).toHaveText(en.agencies.created);
  await expect(message).toHaveCount(0);
});

test("the server refuses an oversized action body in words, before reading it", async ({ request }) => {
  const response = await request.post("/sign-in", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(SERVER_ACTION_BODY_LIMIT_BYTES + 1),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(new RegExp(`^Body exceeded ${SERVER_ACTION_BODY_LIMIT} limit`));
});

test("if an oversized form reaches the server anyway, the error page says the form may have been too large", async ({
  page,
}) => {
  const form = await openCreateAgencyForm(page);
  // Answer the action the way proxy.ts answers an oversized one.
  await page.route("**/*", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"]
      ? route.fulfill({
          status: 413,
          contentType: "text/plain",
          body: `Body exceeded ${SERVER_ACTION_BODY_LIMIT} limit.`,
        })
      : route.fallback(),
  );
  await form.getByLabel(inLanguage(en.agencies.name), { exact: true }).fill(unique("E2E refused"));
  await form.getByRole("button", { name: en.agencies.create }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.errors.unexpectedTitle })).toBeVisible();
  await expect(
    page.getByText(format(limits.errorTooLarge, { limit: SERVER_ACTION_BODY_LIMIT_BYTES / 1024 })),
  ).toBeVisible();
});
