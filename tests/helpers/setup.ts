// Runs before every integration file: points the data layer at the test database and stands in
// for the parts of Next.js that only exist inside a request (the session source, cookies, headers,
// cache tags, next-intl's server functions). The database itself is never mocked, and neither is
// lib/auth/session.ts: requireUser, requireTenant and the role table run for real.
import { beforeEach, inject, vi } from "vitest";

// Links are built from APP_URL; the stubbed request below names another host, as an attacker's
// request would, so tests prove that the Host header is never used.
process.env.APP_URL = "https://nap.example.gov";
// As scripts/server.mjs does: the proof that the address header was set by our own server.
process.env.NAP_CLIENT_IP_PROOF = "test-proof";
const url = inject("databaseUrl");
if (url) process.env.DATABASE_URL = url;
else process.env.PGLITE_DIR = "memory://";

// Only the session source: auth() names the person set with signInAs() and a real stored session.
vi.mock("@/lib/auth/config", () => import("./auth-config"));
vi.mock("next-intl/server", () => import("./intl-server"));

// Open (and migrate) the worker's database here, outside any test's time limit: on a busy
// machine a cold PGlite takes longer than one test may.
const { getDb } = await import("@/lib/db");
await getDb();

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

vi.mock("next/headers", async () => {
  const { TEST_CLIENT, testState } = await import("./state");
  const { REQUEST_PATH_HEADER } = await import("@/lib/server/request-path");
  const jar = testState.cookies;
  return {
    headers: async () => {
      const h = new Headers({
        host: "attacker.example",
        "x-forwarded-host": "attacker.example",
        "x-forwarded-proto": "https",
        "x-nap-client-ip": TEST_CLIENT.ip,
        "x-nap-client-ip-proof": "test-proof",
        "user-agent": TEST_CLIENT.userAgent!,
      });
      if (testState.requestPath) h.set(REQUEST_PATH_HEADER, testState.requestPath);
      return h;
    },
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
});

// Each test starts as a fresh browser: files share this worker's state (isolate: false), and a
// cookie one test set (the language, after switching to Russian) must not change another's pages.
beforeEach(async () => {
  const { testState } = await import("./state");
  testState.cookies.clear();
  testState.requestPath = null;
});
