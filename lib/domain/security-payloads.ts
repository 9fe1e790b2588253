// The payloads of the security events (lib/domain/security-events.ts): each records in `after` the
// client it came from (when known) and the event's own details; none records a `before`.
import { z } from "zod";
import type { PayloadSchemas } from "./audit-payloads";
import type { SecurityAction } from "./security-events";

/** lib/data/security-events.ts: the client's address and (shortened) user agent, when known. */
const client = { ip: z.string().optional(), userAgent: z.string().nullable().optional() };
const details = <S extends z.ZodRawShape>(shape: S) => ({ after: z.strictObject({ ...client, ...shape }) });
const count = () => z.number().int().min(0);

export const SECURITY_PAYLOADS = {
  "auth.signedIn": details({ sessionId: z.string() }),
  /** A wrong password at sign-in, or (during: "passwordChange") when changing it. */
  "auth.signInFailed": details({ during: z.literal("passwordChange").optional() }),
  "auth.signInRefused": details({ why: z.literal("disabled") }),
  "auth.lockedOut": details({ seconds: count(), attempts: count() }),
  "auth.clientLockedOut": details({ seconds: count() }),
  "auth.signedOut": details({ sessionId: z.string() }),
  "auth.signedOutEverywhere": details({ sessions: count() }),
  "auth.sessionRevoked": details({ sessionId: z.string() }),
  "auth.passwordChanged": details({ otherSessionsEnded: count() }),
  "auth.passwordResetIssued": details({ validHours: z.number().positive() }),
  "auth.passwordReset": details({ sessionsEnded: count() }),
  "user.disabled": details({ sessionsEnded: count() }),
  "user.enabled": details({}),
  "user.localeChanged": details({ from: z.string().nullable(), to: z.string() }),
} as const satisfies Record<SecurityAction, PayloadSchemas>;
