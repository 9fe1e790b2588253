import "server-only";
import type { ContentLanguage, Texts } from "@/lib/domain/texts";
import { ForbiddenError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import { can, type Permission } from "@/lib/domain/roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  isPlatformAdmin: boolean;
}

export interface TenantRef {
  id: string;
  slug: string;
  /** The country's name in each language. */
  name: Texts;
  isDemo: boolean;
  defaultLocale: string;
  /** The languages its content is written in, the default first. */
  contentLanguages: ContentLanguage[];
}

/**
 * Who acts: a signed-in person, an API token (the read API, acting as a viewer), or the system
 * (scheduled jobs: reminders, locking periods). Audit events record the kind and the id.
 */
export type Actor = { kind: "user"; id: string } | { kind: "token"; id: string } | { kind: "system"; id: null };

/** Who acts, in which tenant, with which role. Built from the session and the database only. */
export interface TenantContext {
  /** The person behind the request; for a token or the system, the person responsible for it. */
  user: SessionUser;
  /** Defaults to the user; set for API tokens and scheduled jobs. */
  actor?: Actor;
  tenant: TenantRef;
  role: Role;
  /** The agency a focal point acts for. */
  agencyId: string | null;
}

/** Platform administration (every tenant, every person): the platform administrator only. */
export function requirePlatformAdmin(user: SessionUser): void {
  if (!user.isPlatformAdmin) throw new ForbiddenError("platform.admin");
}

export function requirePermission(ctx: TenantContext, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new ForbiddenError(permission);
}

export function actorOf(ctx: TenantContext): Actor {
  return ctx.actor ?? { kind: "user", id: ctx.user.id };
}
