// The route-handler wrapper (lib/api/route.ts) through a real route, /api/tenants/[tenant]/me, and
// through small routes made here for what no real route does yet (a higher permission, each
// error of the data layer). Only the session source is stubbed (signInAs); the membership lookup,
// the role table and the database run for real.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { NextRequest } from "next/server";
import { notFound } from "next/navigation";
import { GET as me } from "@/app/api/tenants/[tenant]/me/route";
import { publicRoute, tenantRoute, userRoute, type RouteHandler } from "@/lib/api/route";
import type { AuthStrategy } from "@/lib/api/authenticate";
import { getDb } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { createTenant, createTenantWithPeople, createUser } from "../factories";
import { signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);
afterEach(() => {
  signInAs(null);
  vi.restoreAllMocks();
});

// The exported method must fit what Next's generated route types ask of it.
const _fitsNext: (request: NextRequest, context: { params: Promise<{ tenant: string }> }) => Promise<Response | void> =
  me;

async function call<P>(handler: RouteHandler<P>, params: P, init?: RequestInit) {
  const response = await handler(new Request("http://localhost/api/test", init), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

describe("GET /api/tenants/[tenant]/me", () => {
  it("answers a signed-out caller 401 in JSON, with no challenge and no caching", async () => {
    const { tenant } = await createTenantWithPeople();
    const res = await call(me, { tenant: tenant.slug });
    expect(res).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(res.headers.get("www-authenticate")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a member of another tenant exactly as for a tenant that does not exist", async () => {
    const { tenant } = await createTenantWithPeople();
    const other = await createTenantWithPeople();
    signInAs(other.admin);
    const theirs = await call(me, { tenant: tenant.slug });
    const missing = await call(me, { tenant: "no-such-tenant" });
    expect(theirs).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect({ status: missing.status, body: missing.body }).toEqual({ status: theirs.status, body: theirs.body });
    expect(theirs.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a signed-in person with no membership at all 404", async () => {
    const tenant = await createTenant();
    signInAs(await createUser());
    expect(await call(me, { tenant: tenant.slug })).toMatchObject({ status: 404, body: { error: "not_found" } });
  });

  it("tells each member their own role and the tenant's name, nothing else", async () => {
    const { tenant, admin, viewer } = await createTenantWithPeople();
    for (const [user, role] of [
      [admin, "ADMIN"],
      [viewer, "VIEWER"],
    ] as const) {
      signInAs(user);
      const res = await call(me, { tenant: tenant.slug });
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: { tenant: { slug: tenant.slug, name: tenant.name }, role },
      });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("tenantRoute permissions", () => {
  const manageMembers = tenantRoute("members.manage", (_request, { ctx }) =>
    Response.json({ tenantId: ctx.tenant.id }),
  );

  it("answers a member whose role is too low 403, and the right role 200 with its own tenant", async () => {
    const { tenant, admin, coordinator, viewer } = await createTenantWithPeople();
    for (const user of [coordinator, viewer]) {
      signInAs(user);
      expect(await call(manageMembers, { tenant: tenant.slug })).toMatchObject({
        status: 403,
        body: { error: "forbidden" },
      });
    }
    signInAs(admin);
    expect(await call(manageMembers, { tenant: tenant.slug })).toMatchObject({
      status: 200,
      body: { tenantId: tenant.id },
    });
  });

  it("answers an administrator of another tenant 404, never 403", async () => {
    const { tenant } = await createTenantWithPeople();
    signInAs((await createTenantWithPeople()).admin);
    expect(await call(manageMembers, { tenant: tenant.slug })).toMatchObject({
      status: 404,
      body: { error: "not_found" },
    });
  });
});

describe("errors thrown by a handler", () => {
  const throwing = (error: unknown) => tenantRoute("tenant.view", () => Promise.reject(error));

  it("maps the data layer's expected errors to 404, 403, 422 and 409 in JSON", async () => {
    const { tenant, viewer } = await createTenantWithPeople();
    signInAs(viewer);
    const rule = new RuleError("errors.invalidInput", { name: { key: "validation.nameTaken" } });
    expect(await call(throwing(new NotFoundError("plan")), { tenant: tenant.slug })).toMatchObject({
      status: 404,
      body: { error: "not_found" },
    });
    expect(await call(throwing(new ForbiddenError("plans.manage")), { tenant: tenant.slug })).toMatchObject({
      status: 403,
      body: { error: "forbidden" },
    });
    expect((await call(throwing(rule), { tenant: tenant.slug })).body).toEqual({
      error: "invalid",
      message: { key: "errors.invalidInput" },
      fieldErrors: { name: { key: "validation.nameTaken" } },
    });
    const conflict = await call(throwing(new ConflictError({ title: "someone else's" })), { tenant: tenant.slug });
    expect({ status: conflict.status, body: conflict.body }).toEqual({ status: 409, body: { error: "conflict" } });
  });

  it("answers an unexpected error 500 with no detail, and logs its name and message but never the request", async () => {
    const { tenant, viewer } = await createTenantWithPeople();
    signInAs(viewer);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await call(
      throwing(new TypeError("db exploded at row 42")),
      { tenant: tenant.slug },
      {
        method: "POST",
        headers: { authorization: "Bearer secret-token-123", "content-type": "application/x-www-form-urlencoded" },
        body: "password=hunter2",
      },
    );
    expect({ status: res.status, body: res.body }).toEqual({ status: 500, body: { error: "internal" } });
    expect(res.headers.get("cache-control")).toBe("no-store");
    const logged = log.mock.calls.flat().map(String).join(" ");
    expect(logged).toContain("TypeError");
    expect(logged).toContain("db exploded at row 42");
    expect(logged).not.toMatch(/secret-token-123|hunter2/);
  });

  it("lets Next's own notFound() through for Next to answer", async () => {
    const { tenant, viewer } = await createTenantWithPeople();
    signInAs(viewer);
    const route = tenantRoute("tenant.view", () => notFound());
    await expect(call(route, { tenant: tenant.slug })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });
});

describe("every answer is no-store", () => {
  it("overrides a handler's own caching, also on responses with read-only headers", async () => {
    const cached = publicRoute(() => Response.json({}, { headers: { "cache-control": "public, max-age=3600" } }));
    expect((await call(cached, {})).headers.get("cache-control")).toBe("no-store");
    const redirect = publicRoute(() => Response.redirect("http://localhost/elsewhere", 303));
    const res = await redirect(new Request("http://localhost/api/test"), { params: Promise.resolve({}) });
    expect({
      status: res.status,
      location: res.headers.get("location"),
      cache: res.headers.get("cache-control"),
    }).toEqual({
      status: 303,
      location: "http://localhost/elsewhere",
      cache: "no-store",
    });
  });
});

describe("userRoute and publicRoute", () => {
  const whoAmI = userRoute((_request, { ctx }) => Response.json({ id: ctx.user.id }));

  it("userRoute: 401 signed out, the caller signed in", async () => {
    expect(await call(whoAmI, {})).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    const user = await createUser();
    signInAs(user);
    expect(await call(whoAmI, {})).toMatchObject({ status: 200, body: { id: user.id } });
  });

  it("publicRoute looks the caller up only when the handler asks", async () => {
    const strategy = vi.fn<AuthStrategy>(async () => null);
    const silent = publicRoute(() => Response.json({ ok: true }), { authenticate: [strategy] });
    expect((await call(silent, {})).status).toBe(200);
    expect(strategy).not.toHaveBeenCalled();
    const asking = publicRoute(async (_r, { ctx }) => Response.json({ anonymous: (await ctx.actor()) === null }), {
      authenticate: [strategy],
    });
    expect((await call(asking, {})).body).toEqual({ anonymous: true });
    expect(strategy).toHaveBeenCalledTimes(1);
  });
});

describe("authentication strategies (the place API tokens will plug in)", () => {
  it("tries each in order, and the first that recognises the caller decides the tenant context", async () => {
    const { tenant, admin } = await createTenantWithPeople();
    const nobody: AuthStrategy = async () => null;
    const byHeader: AuthStrategy = async (request) =>
      request.headers.get("x-test-caller") === "admin" ? { kind: "user", user: admin } : null;
    const route = tenantRoute("members.manage", (_r, { ctx }) => Response.json({ user: ctx.user.id }), {
      authenticate: [nobody, byHeader],
    });
    expect(await call(route, { tenant: tenant.slug }, { headers: { "x-test-caller": "admin" } })).toMatchObject({
      status: 200,
      body: { user: admin.id },
    });
    // The session is not asked when the list leaves it out: signed in, but unrecognised.
    signInAs(admin);
    expect((await call(route, { tenant: tenant.slug })).status).toBe(401);
  });
});
