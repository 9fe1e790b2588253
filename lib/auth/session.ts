import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "./config";
import { unsafeFindSessionUser } from "@/lib/data/sessions";
import { resolveTenantContext } from "@/lib/data/tenants";
import type { SessionUser, TenantContext } from "@/lib/data/context";
import { can, type Permission } from "@/lib/domain/roles";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { REQUEST_PATH_HEADER } from "@/lib/server/request-path";
import { appUrl } from "@/lib/server/app-url";

/** The session cookie, decrypted once per request for both readers below. */
const sessionCookie = cache(() => auth());

/** The id of this browser's stored session, when it has one. */
export const getSessionId = cache(async (): Promise<string | null> => {
  const session = await sessionCookie();
  return session?.sid ?? null;
});

/** The signed-in person, read fresh from the database once per request; null when signed out. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await sessionCookie();
  if (!session?.userId || !session.sid) return null;
  return unsafeFindSessionUser(session.sid, session.userId);
});

/** Sends a signed-out person to sign in, and back to the page they asked for afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await signInPathForThisPage());
  return user;
}

async function signInPathForThisPage(): Promise<string> {
  const asked = (await headers()).get(REQUEST_PATH_HEADER);
  const path = safeRedirectPath(asked, appUrl().origin, "/");
  return path === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
}

/**
 * For tenant pages: the membership of the signed-in person in the tenant of the URL.
 * Not a member, or a role without the permission: 404, exactly like a tenant that does not exist.
 */
export const requireTenant = cache(
  async (slug: string, permission: Permission = "tenant.view"): Promise<TenantContext> => {
    const user = await requireUser();
    const ctx = await resolveTenantContext(user, slug);
    if (!ctx || !can(ctx.role, permission)) notFound();
    return ctx;
  },
);
