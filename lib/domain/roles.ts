// Roles and what each may do. Pure: used by the data layer (the real gate), by the action
// wrapper and by pages deciding which controls to show.
import { ROLES, isOneOf, type Role } from "./enums";

export const PERMISSIONS = {
  /** See the tenant's plans, activities, dashboards, agencies and members list. */
  "tenant.view": ["ADMIN", "COORDINATOR", "FOCAL_POINT", "VIEWER"],
  /** Invite people, change roles, remove members. */
  "members.manage": ["ADMIN"],
  /** The tenant's settings: its name in each language and the languages its content is written in. */
  "tenant.manage": ["ADMIN"],
  /** Create, edit and archive the tenant's agencies. */
  "agencies.manage": ["ADMIN", "COORDINATOR"],
  /** Create and edit plans and their structure. */
  "plans.manage": ["ADMIN", "COORDINATOR"],
  /** Write progress updates (focal points only for their agency's activities). */
  "progress.report": ["ADMIN", "COORDINATOR", "FOCAL_POINT"],
  /** Approve or return submitted updates. */
  "progress.review": ["ADMIN", "COORDINATOR"],
  /** Reporting periods of a plan: generate, edit, close, reopen; exceptions to a lock. */
  "periods.manage": ["ADMIN", "COORDINATOR"],
  /** Read the mail outbox (what was, or would have been, sent). */
  "outbox.view": ["ADMIN"],
  /** See the audit history. */
  "audit.view": ["ADMIN", "COORDINATOR", "FOCAL_POINT", "VIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The permissions a role has, in the table's order (what the "Your access" page lists). */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

export function isRole(value: unknown): value is Role {
  return isOneOf(ROLES, value);
}

/** Roles a member may be given; focal points must name their agency. */
export function roleNeedsAgency(role: Role): boolean {
  return role === "FOCAL_POINT";
}
