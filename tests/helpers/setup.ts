// Runs before every integration file: points the data layer at the test database and stands in
// for the parts of Next.js that only exist inside a request (session, cookies, cache tags).
// The database itself is never mocked.
import { inject, vi } from "vitest";
import type { SessionUser } from "@/lib/data/context";

// Links are built from APP_URL; the stubbed request below names another host, as an attacker's
// request would, so tests prove that the Host header is never used.
process.env.APP_URL = "https://nap.example.gov";
const url = inject("databaseUrl");
if (url) process.env.DATABASE_URL = url;
else process.env.PGLITE_DIR = "memory://";

const state = globalThis as unknown as { __testUser?: SessionUser | null; __testCookies?: Map<string, string> };

vi.mock("@/lib/auth/session", async () => {
  const { notFound, redirect } = await import("next/navigation");
  const { resolveTenantContext } = await import("@/lib/data/tenants");
  const { can } = await import("@/lib/domain/roles");
  const getSessionUser = async () => state.__testUser ?? null;
  const requireUser = async () => (await getSessionUser()) ?? redirect("/sign-in");
  return {
    getSessionUser,
    requireUser,
    requireTenant: async (slug: string, permission = "tenant.view") => {
      const ctx = await resolveTenantContext(await requireUser(), slug);
      if (!ctx || !can(ctx.role, permission as never)) notFound();
      return ctx;
    },
  };
});

// Open (and migrate) the worker's database here, outside any test's time limit: on a busy
// machine a cold PGlite takes longer than one test may.
const { getDb } = await import("@/lib/db");
await getDb();

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

vi.mock("next/headers", () => {
  state.__testCookies ??= new Map();
  const jar = state.__testCookies;
  return {
    headers: async () =>
      new Headers({ host: "attacker.example", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https", "x-nap-client-ip": "192.0.2.10", "user-agent": "vitest" }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
});
