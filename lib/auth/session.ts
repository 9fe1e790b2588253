import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "./config";
import { unsafeFindSessionUser } from "@/lib/data/users";
import { resolveTenantContext } from "@/lib/data/tenants";
import type { SessionUser, TenantContext } from "@/lib/data/context";
import { can, type Permission } from "@/lib/domain/roles";

/** The signed-in person, read fresh from the database once per request; null when signed out. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.userId) return null;
  return unsafeFindSessionUser(session.userId, session.sv ?? 0);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/**
 * For tenant pages: the membership of the signed-in person in the tenant of the URL.
 * Not a member, or a role without the permission: 404, exactly like a tenant that does not exist.
 */
export const requireTenant = cache(async (slug: string, permission: Permission = "tenant.view"): Promise<TenantContext> => {
  const user = await requireUser();
  const ctx = await resolveTenantContext(user, slug);
  if (!ctx || !can(ctx.role, permission)) notFound();
  return ctx;
});
