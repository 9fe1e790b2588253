// The one wrapper for route handlers (app/api/...: downloads, the JSON API, health), as
// lib/actions/safe-action.ts is for server actions: authenticate, resolve the tenant context
// from the caller's own membership in the URL's tenant, check the role, call the handler, turn
// errors into JSON with a status. Pages redirect a signed-out person to sign in; an API answers
// with a status code instead. A test (tests/integration/routes-scan.test.ts) fails on any HTTP
// method exported from an app route that was not made here.
//
// Who learns what (the house rule: outsiders cannot tell another tenant's record from a missing one):
//   no session                          -> 401 { error: "unauthorized" } (no WWW-Authenticate: cookies, not a challenge)
//   not a member, or no such tenant     -> 404 { error: "not_found" }, the same answer for both
//   a member whose role lacks the right -> 403 { error: "forbidden" }: a member already knows the
//                                          tenant exists, and the data layer answers the same
//                                          (ForbiddenError) for a role that may see but not act
//   NotFoundError / ForbiddenError / RuleError / ConflictError -> 404 / 403 / 422 / 409
//   anything else                       -> logged, 500 { error: "internal" }
// Every answer carries Cache-Control: no-store.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { SessionUser, TenantContext } from "@/lib/data/context";
import { resolveTenantContext } from "@/lib/data/tenants";
import { can, type Permission } from "@/lib/domain/roles";
import { authenticate, type Actor, type AuthStrategy } from "./authenticate";
import { apiError, errorResponse, noStore } from "./responses";

/** What Next passes as a handler's second argument. */
export interface RouteSegment<P> {
  params: Promise<P>;
}

/** An exported HTTP method: what Next calls. */
export type RouteHandler<P> = (request: Request, segment: RouteSegment<P>) => Promise<Response>;

type Handler<P, C> = (request: Request, args: { params: P; ctx: C }) => Response | Promise<Response>;

export interface RouteOptions {
  /** How callers are recognised, in order; default the session cookie (./authenticate.ts). */
  authenticate?: readonly AuthStrategy[];
}

type NoParams = Record<string, never>;

const wrapped = new WeakSet<object>();

/** True for functions made by this module: the check the route-scan test runs. */
export function isWrappedRoute(fn: unknown): boolean {
  return typeof fn === "function" && wrapped.has(fn);
}

function wrap<P>(run: (request: Request, params: P) => Promise<Response>): RouteHandler<P> {
  const handler: RouteHandler<P> = async (request, segment) => {
    try {
      return noStore(await run(request, await segment.params));
    } catch (error) {
      unstable_rethrow(error); // notFound(), redirect() and Next's own signals are not errors
      return errorResponse(error, request);
    }
  };
  wrapped.add(handler);
  return handler;
}

/** Anyone. The caller is looked up only if the handler asks (health answers before that when the database is down). */
export function publicRoute<P = NoParams>(
  handler: Handler<P, { actor: () => Promise<Actor | null> }>,
  options: RouteOptions = {},
): RouteHandler<P> {
  return wrap<P>((request, params) => {
    let actor: Promise<Actor | null> | undefined;
    return Promise.resolve(
      handler(request, { params, ctx: { actor: () => (actor ??= authenticate(request, options.authenticate)) } }),
    );
  });
}

/** Any signed-in person, outside a tenant. */
export function userRoute<P = NoParams>(
  handler: Handler<P, { actor: Actor; user: SessionUser }>,
  options: RouteOptions = {},
): RouteHandler<P> {
  return wrap<P>(async (request, params) => {
    const actor = await authenticate(request, options.authenticate);
    if (!actor) return apiError(401, "unauthorized");
    return handler(request, { params, ctx: { actor, user: actor.user } });
  });
}

/**
 * Inside the tenant of the route's [tenant] segment (its slug). The context comes from the
 * caller's own membership there; handlers scope every query by ctx.tenant.id.
 */
export function tenantRoute<P extends { tenant: string }>(
  permission: Permission,
  handler: Handler<P, TenantContext>,
  options: RouteOptions = {},
): RouteHandler<P> {
  return wrap<P>(async (request, params) => {
    const actor = await authenticate(request, options.authenticate);
    if (!actor) return apiError(401, "unauthorized");
    const ctx = typeof params.tenant === "string" ? await resolveTenant(actor, params.tenant) : null;
    // A role that may not even see the tenant is an outsider: 404, never a hint that it exists.
    if (!ctx || !can(ctx.role, "tenant.view")) return apiError(404, "not_found");
    if (!can(ctx.role, permission)) return apiError(403, "forbidden");
    return handler(request, { params, ctx });
  });
}

/**
 * The one place an actor becomes a tenant context. A token actor (issue 11) will resolve here
 * from the tenant the token was issued for, answering null for any other slug.
 */
async function resolveTenant(actor: Actor, slug: string): Promise<TenantContext | null> {
  switch (actor.kind) {
    case "user":
      return resolveTenantContext(actor.user, slug);
  }
}
