import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AuditActionSchema, activityOfEvent, type AuditAction, type AuditEntity } from "@/lib/domain/audit-actions";
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
  before?: unknown;
  after?: unknown;
  reason?: string | null;
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
      before: toJson(input.before),
      after: toJson(input.after),
      reason: input.reason?.trim() || null,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
