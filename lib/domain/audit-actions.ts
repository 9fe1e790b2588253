// The closed list of what the audit log records. An action outside this list does not type-check
// (lib/data/audit.ts takes an AuditAction) and is refused at run time, so history pages and rules
// can rely on the names; each is translated by name in the messages. What each records in its
// before/after is its payload schema, in lib/domain/audit-payloads.ts.
import { z } from "zod";
import { refsIn } from "./audit-payloads";
import { SECURITY_ACTIONS } from "./security-events";

export const CONTENT_ACTIONS = [
  "tenant.created",
  "tenant.settingsChanged",
  "demo.seeded",
  "plan.created",
  "plan.updated",
  "plan.activated",
  "plan.closed",
  "plan.archived",
  "plan.deleted",
  "section.created",
  "section.updated",
  "section.moved",
  "section.archived",
  "section.restored",
  "section.deleted",
  "objective.created",
  "objective.updated",
  "objective.moved",
  "objective.archived",
  "objective.restored",
  "objective.deleted",
  "activity.created",
  "activity.updated",
  "activity.moved",
  "activity.archived",
  "activity.restored",
  "activity.deleted",
  "indicator.created",
  "indicator.updated",
  "indicator.archived",
  "indicator.restored",
  "indicator.deleted",
  "agency.created",
  "agency.updated",
  "agency.archived",
  "agency.restored",
  "invitation.created",
  "invitation.replaced",
  "invitation.revoked",
  "invitation.accepted",
  "membership.roleChanged",
  "membership.removed",
  "membership.focalPointChanged",
  "period.created",
  "period.updated",
  "period.deleted",
  "period.closed",
  "period.reopened",
  "period.locked",
  "exception.granted",
  "exception.revoked",
  "update.submitted",
  "update.signedOff",
  "update.approved",
  "update.returned",
  "update.reopened",
  "contribution.saved",
  "evidence.added",
  "evidence.removed",
  "handover.created",
  "handover.revoked",
  "job.ran",
] as const;

export const AUDIT_ACTIONS = [...CONTENT_ACTIONS, ...SECURITY_ACTIONS] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** What an audit event is about. */
export const AUDIT_ENTITIES = [
  "Tenant",
  "Plan",
  "Section",
  "Objective",
  "Activity",
  "Indicator",
  "Agency",
  "Invitation",
  "Membership",
  "User",
  "SignIn",
  "Client",
  "ReportingPeriod",
  "ReportingException",
  "ProgressUpdate",
  "UpdateContribution",
  "Evidence",
  "Handover",
  "Job",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Who acted, as the audit log stores it. */
export const ACTOR_KINDS = ["user", "token", "system", "anonymous"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * The activity an event concerns: the activity itself, or the activity its payload names in a field
 * its schema declares an activity id (an indicator's events). Null for other events, and for an
 * action outside the list.
 */
export function activityOfEvent(e: {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}): string | null {
  if (e.entityType === "Activity") return e.entityId;
  for (const payload of [e.after, e.before]) {
    if (!payload || typeof payload !== "object" || Array.isArray(payload)) continue;
    for (const [field, value] of Object.entries(payload)) {
      const [id] = refsIn(e.action, field, value, "Activity");
      if (id) return id;
    }
  }
  return null;
}
