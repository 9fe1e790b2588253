import "server-only";
// The mail outbox. A message is written in the transaction of the event that causes it (the daily
// digest, in the job's), and sent later by the job runner (lib/jobs/sender.ts), which claims
// messages with FOR UPDATE SKIP LOCKED and leases them: two runners never hold one message at
// once, and a runner that dies mid-send leaves its lease to expire, after which another retries.
// Without SMTP_URL nothing is claimed: messages stay PENDING, and tenant administrators read them
// in the app (listOutbox).
import { Prisma, type OutboxStatus } from "@/generated/prisma/client";
import type { TenantContext } from "./context";
import { unsafeAsSystem, withTenant, type Tx } from "./door";

export interface OutboxInput {
  tenantId: string;
  userId: string | null;
  toEmail: string;
  subject: string;
  body: string;
  /** Unique per tenant: "digest:<userId>:<yyyy-mm-dd>". A second message with the key is skipped. */
  dedupeKey: string;
}

/** Writes messages in the caller's transaction; ones whose dedupe key exists are skipped. */
export async function writeOutbox(tx: Tx, items: readonly OutboxInput[], now = new Date()): Promise<number> {
  if (items.length === 0) return 0;
  const { count } = await tx.outboxMessage.createMany({
    data: items.map((m) => ({ ...m, availableAt: now, createdAt: now })),
    skipDuplicates: true,
  });
  return count;
}

// The administrators' view --------------------------------------------------------------------

export interface OutboxRow {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const OUTBOX_PAGE_SIZE = 50;

/** The tenant's outbox, newest first, a page at a time: what was sent, or would have been. */
export async function listOutbox(
  ctx: TenantContext,
  page = 1,
): Promise<{ items: OutboxRow[]; total: number; page: number; pages: number }> {
  const current = Math.max(1, Math.floor(page) || 1);
  const [items, total] = await withTenant(ctx, "outbox.view", (tx) =>
    Promise.all([
      tx.outboxMessage.findMany({
        where: { tenantId: ctx.tenant.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (current - 1) * OUTBOX_PAGE_SIZE,
        take: OUTBOX_PAGE_SIZE,
        select: {
          id: true,
          toEmail: true,
          subject: true,
          body: true,
          status: true,
          attempts: true,
          lastError: true,
          createdAt: true,
          sentAt: true,
        },
      }),
      tx.outboxMessage.count({ where: { tenantId: ctx.tenant.id } }),
    ]),
  );
  return { items, total, page: current, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

// The sender's side (no request, no tenant: the system door) -----------------------------------

export interface ClaimedMessage {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  /** Attempts including this one. */
  attempts: number;
}

/** How long a claim holds a message before another runner may take it over (a runner that died). */
export const LEASE_MS = 5 * 60_000;
/** Attempts before a message is given up as FAILED. */
export const MAX_ATTEMPTS = 5;
/** Wait before attempt n+1: 1, 2, 4, 8... minutes. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

/** Timestamps compared in SQL as the UTC wall clock Prisma stores in timestamp columns. */
const sqlTime = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

/**
 * Claims up to `limit` pending messages that are due: locks them (SKIP LOCKED: rows another
 * runner is claiming at this moment are passed over, never waited for), leases them to `worker`
 * and counts the attempt, all in one short transaction.
 */
export async function unsafeClaimOutbox(
  worker: string,
  limit: number,
  now = new Date(),
  tenantIds?: readonly string[],
): Promise<ClaimedMessage[]> {
  return unsafeAsSystem("the mail sender claims due messages of every tenant", async (tx) => {
    const onlyTenants = tenantIds
      ? Prisma.sql`AND "tenantId" IN (${tenantIds.length ? Prisma.join([...tenantIds]) : Prisma.sql`NULL`})`
      : Prisma.empty;
    const picked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'PENDING' AND "availableAt" <= ${sqlTime(now)}::timestamp ${onlyTenants}
      ORDER BY "availableAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (picked.length === 0) return [];
    const ids = picked.map((p) => p.id);
    await tx.outboxMessage.updateMany({
      where: { id: { in: ids } },
      data: {
        claimedAt: now,
        claimedBy: worker,
        availableAt: new Date(now.getTime() + LEASE_MS),
        attempts: { increment: 1 },
      },
    });
    return tx.outboxMessage.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: { id: true, toEmail: true, subject: true, body: true, attempts: true },
    });
  });
}

/** The message went out: SENT, if this runner still holds it. */
export async function unsafeMarkSent(id: string, worker: string, now = new Date()): Promise<boolean> {
  const { count } = await unsafeAsSystem("the mail sender records a message it sent", (tx) =>
    tx.outboxMessage.updateMany({
      where: { id, claimedBy: worker, status: "PENDING" },
      data: { status: "SENT", sentAt: now, lastError: null },
    }),
  );
  return count === 1;
}

/**
 * Sending failed: try again after a backoff, or give up as FAILED after MAX_ATTEMPTS. `error` is
 * stored as given: the caller strips anything secret from it first.
 */
export async function unsafeMarkAttemptFailed(
  message: Pick<ClaimedMessage, "id" | "attempts">,
  worker: string,
  error: string,
  now = new Date(),
): Promise<"retry" | "failed"> {
  const outcome = message.attempts >= MAX_ATTEMPTS ? "failed" : "retry";
  await unsafeAsSystem("the mail sender records a failed attempt", (tx) =>
    tx.outboxMessage.updateMany({
      where: { id: message.id, claimedBy: worker, status: "PENDING" },
      data:
        outcome === "failed"
          ? { status: "FAILED", lastError: error }
          : { lastError: error, availableAt: new Date(now.getTime() + backoffMs(message.attempts)) },
    }),
  );
  return outcome;
}
