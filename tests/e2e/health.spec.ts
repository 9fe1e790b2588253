import { expect, test } from "@playwright/test";
import { USERS, signIn } from "./helpers";

test("GET /api/health answers ok, and nothing more to an anonymous caller", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ status: "ok" });
});

test("a tenant administrator sees no details; a platform administrator does", async ({ page }) => {
  await signIn(page, USERS.adminTm);
  expect(await (await page.request.get("/api/health")).json()).toEqual({ status: "ok" });

  await page.context().clearCookies();
  await signIn(page, USERS.platformAdmin);
  const body = await (await page.request.get("/api/health")).json();
  expect(body.status).toBe("ok");
  expect(body.database).toMatchObject({ ok: true, kind: expect.stringMatching(/^(postgres|pglite)$/) });
  expect(body.database.migrations).toBeGreaterThan(0);
});
