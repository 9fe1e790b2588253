// Who is calling a route handler. Strategies are tried in order and the first that recognises the
// request wins; a request none recognises is anonymous. Only the session cookie exists today.
// API tokens (issue 11) become a second strategy: read `Authorization: Bearer ...`, look the token
// up through the data layer and answer { kind: "token", ... } with the tenant and permissions it
// was issued for. The route wrapper (./route.ts) then builds the tenant context from that actor
// in one place, resolveTenant(), so handlers never learn which strategy was used.
import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/data/context";

/** The caller, by kind, as the audit log will name it ("user" now, "token" next). */
export type Actor = { kind: "user"; user: SessionUser };

/** Recognises a caller from the request, or answers null to let the next strategy try. */
export type AuthStrategy = (request: Request) => Promise<Actor | null>;

/** The signed-in person of the session cookie (next-auth), read fresh from the database. */
export const sessionStrategy: AuthStrategy = async () => {
  const user = await getSessionUser();
  return user ? { kind: "user", user } : null;
};

export const DEFAULT_STRATEGIES: readonly AuthStrategy[] = [sessionStrategy];

export async function authenticate(
  request: Request,
  strategies: readonly AuthStrategy[] = DEFAULT_STRATEGIES,
): Promise<Actor | null> {
  for (const strategy of strategies) {
    const actor = await strategy(request);
    if (actor) return actor;
  }
  return null;
}
