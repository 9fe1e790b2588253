import "server-only";
// Sends what the outbox holds: claims due messages (FOR UPDATE SKIP LOCKED, leased to this
// runner), sends each once, and records SENT, or a retry after a backoff, or FAILED after the
// last attempt. Two runners never hold one message at once, so none is sent twice by them.
import { randomBytes } from "node:crypto";
import { unsafeClaimOutbox, unsafeMarkAttemptFailed, unsafeMarkSent } from "@/lib/data/outbox";
import { safeMailError, smtpSender, type SendMail } from "./mailer";

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

/** A runner's name in claimedBy: the host's process and a random part. */
export const workerId = () => `${process.pid}-${randomBytes(4).toString("hex")}`;

/**
 * One pass over the due messages, in batches of `batch`, until none is due. Without a sender
 * (no SMTP_URL) it does nothing: the messages wait in the outbox.
 */
export async function sendPendingMail(
  opts: {
    send?: SendMail | null;
    worker?: string;
    batch?: number;
    now?: () => Date;
    /** Only these tenants' messages (tests share the database). Default: all. */
    tenantIds?: readonly string[];
  } = {},
): Promise<SendResult> {
  const send = opts.send === undefined ? smtpSender() : opts.send;
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  if (!send) return result;
  const worker = opts.worker ?? workerId();
  const now = opts.now ?? (() => new Date());
  for (;;) {
    const claimed = await unsafeClaimOutbox(worker, opts.batch ?? 20, now(), opts.tenantIds);
    if (claimed.length === 0) return result;
    for (const message of claimed) {
      try {
        await send({ to: message.toEmail, subject: message.subject, text: message.body });
        if (await unsafeMarkSent(message.id, worker, now())) result.sent++;
      } catch (error) {
        const outcome = await unsafeMarkAttemptFailed(message, worker, safeMailError(error), now());
        result[outcome === "failed" ? "failed" : "retried"]++;
      }
    }
  }
}
