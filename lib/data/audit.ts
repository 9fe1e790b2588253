import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AuditActionSchema, activityOfEvent, type AuditAction, type AuditEntity } from "@/lib/domain/audit-actions";
import { payloadIssues } from "@/lib/domain/audit-payloads";
import type { Actor, SessionUser } from "./context";

type Tx = Prisma.TransactionClient;

export interface AuditInput {
  tenantId: string | null;
  /** A person (their id), a token or the system (an Actor), or nobody known yet (null). */
  actor: Pick<SessionUser, "id"> | Actor | null;
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string;
  /** The activity the event concerns; found from the entity or the payload when not given. */
  activityId?: string | null;
  /** Checked against the action's schemas (lib/domain/audit-payloads.ts), as stored (JSON). */
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** A writer and its action's payload schema disagree: a bug in the writer or in the schema. */
export class AuditPayloadError extends Error {
  constructor(
    readonly action: AuditAction,
    readonly issues: string[],
  ) {
    super(`audit payload of ${action} does not fit its schema: ${issues.join("; ")}`);
    this.name = "AuditPayloadError";
  }
}

/**
 * Checks a payload (as stored) against its action's schemas. In development and tests a mismatch
 * throws, so it is fixed before it ships. In production it is logged and the event still written:
 * a drift between a writer and its schema must not make someone's save fail, and the event, even
 * off-schema, is the record of what happened (readers treat an off-schema field as plain text).
 */
export function checkAuditPayload(action: AuditAction, before: unknown, after: unknown): void {
  const issues = payloadIssues(action, before, after);
  if (issues.length === 0) return;
  const error = new AuditPayloadError(action, issues);
  if (process.env.NODE_ENV !== "production") throw error;
  console.warn(error.message); // paths and expectations only, never the values
}

function actorColumns(actor: AuditInput["actor"]) {
  if (!actor) return { actorKind: "anonymous", actorId: null, actorRef: null };
  if (!("kind" in actor)) return { actorKind: "user", actorId: actor.id, actorRef: null };
  if (actor.kind === "user") return { actorKind: "user", actorId: actor.id, actorRef: null };
  return { actorKind: actor.kind, actorId: null, actorRef: actor.id };
}

function activityOf(input: AuditInput): string | null {
  return input.activityId !== undefined ? input.activityId : activityOfEvent(input);
}

/** Writes one append-only audit event, inside the caller's transaction. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  AuditActionSchema.parse(input.action); // the closed list holds at run time too
  const [before, after] = [toJson(input.before), toJson(input.after)];
  checkAuditPayload(input.action, before, after);
  // createMany: no RETURNING, so an event the writer may not read back (a failed sign-in for an
  // address nobody has, under row-level security) is still written.
  await tx.auditEvent.createMany({
    data: {
      tenantId: input.tenantId,
      ...actorColumns(input.actor),
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      activityId: activityOf(input),
      before,
      after,
      reason: input.reason?.trim() || null,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
