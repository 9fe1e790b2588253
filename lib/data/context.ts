import "server-only";
import { ForbiddenError } from "@/lib/domain/errors";
import { can, type Permission, type Role } from "@/lib/domain/roles";

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
  name: string;
  isDemo: boolean;
  defaultLocale: string;
}

/** Who acts, in which tenant, with which role. Built from the session and the database only. */
export interface TenantContext {
  user: SessionUser;
  tenant: TenantRef;
  role: Role;
  /** The agency a focal point acts for. */
  agencyId: string | null;
}

export function requirePermission(ctx: TenantContext, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new ForbiddenError(permission);
}
