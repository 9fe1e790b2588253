// Every HTTP method an app route exports must be made by the route wrapper (lib/api/route.ts):
// that is where the caller is authenticated, the tenant resolved from their own membership, and
// errors turned into statuses. next-auth's own route is the one exception: it is next-auth.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWrappedRoute, publicRoute } from "@/lib/api/route";

const root = path.resolve(import.meta.dirname, "../..");
const EXEMPT = [path.join("app", "api", "auth", "[...nextauth]", "route.ts")];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** The HTTP methods of a route module that the wrapper did not make. */
function unwrappedMethods(mod: Record<string, unknown>): string[] {
  return HTTP_METHODS.filter((method) => method in mod && !isWrappedRoute(mod[method]));
}

const routes = routeFiles(path.join(root, "app")).filter((f) => !EXEMPT.includes(path.relative(root, f)));

describe("route handlers", () => {
  it("are found, the health probe and the tenant API among them", () => {
    const names = routes.map((f) => path.relative(root, f));
    expect(names).toContain(path.join("app", "api", "health", "route.ts"));
    expect(names).toContain(path.join("app", "api", "tenants", "[tenant]", "me", "route.ts"));
  });

  it("the scan catches a method made without the wrapper", () => {
    const plain = async () => new Response("hello");
    expect(unwrappedMethods({ GET: publicRoute(() => new Response()), POST: plain, dynamic: "force-dynamic" })).toEqual(
      ["POST"],
    );
  });

  it.each(routes.map((f) => [path.relative(root, f), f]))("%s exports only wrapped methods", async (_name, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    expect(
      HTTP_METHODS.some((m) => m in mod),
      "a route file exports at least one HTTP method",
    ).toBe(true);
    expect(unwrappedMethods(mod), "make these with publicRoute/userRoute/tenantRoute").toEqual([]);
  });
});
