import "server-only";
// The one door to the database. Every data function reaches the tables through one of these, for
// reads and writes alike; a test (tests/integration/door-scan.test.ts) fails when a function in
// lib/data/ touches the Prisma client any other way.
//
// Each door (but unsafeOutsideTenants, for the per-request session check on tables that belong
// to no tenant) opens a transaction, switches to the role nap_app (which obeys row-level security,
// prisma/migrations/*_row_level_security) and tells the database, for this transaction only,
// whose rows it may touch (app.tenant_id, app.user_id, app.token_hash, app.platform) and who acts
// (app.actor). So a query that forgets its `tenantId` filter returns nothing and writes nothing:
// the data layer's own scoping is the first wall, the database's policies the second.
//
// It also maps what the database refuses to the domain's errors, once: a unique violation to the
// caller's RuleError, a serialization failure or deadlock to a retry (then a ConflictError).
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { ConflictError, RuleError } from "@/lib/domain/errors";
import type { Permission } from "@/lib/domain/roles";
import { actorOf, requirePermission, type Actor, type SessionUser, type TenantContext } from "./context";
import { recordAudit, type AuditInput } from "./audit";

export type Tx = Prisma.TransactionClient;

/** Records an audit event in the door's transaction, with the context's tenant and actor. */
export type Audit = (event: Omit<AuditInput, "tenantId" | "actor">) => Promise<void>;

interface Scope {
  tenantId?: string | null;
  userId?: string | null;
  tokenHash?: string | null;
  platform?: boolean;
  actor: Actor;
}

export interface DoorOptions {
  /** What a unique violation means here (a code or a name someone else took a moment ago). */
  unique?: () => RuleError;
  /** Serializable isolation, for checks that must hold under concurrency. */
  serializable?: boolean;
  /** How long the transaction may run, in ms (default 20 s): the daily job may need longer. */
  timeout?: number;
}

const RETRIES = 3;

/** Sets the role and the scope for this transaction only (set_config(..., true) = SET LOCAL). */
export async function enterScope(tx: Tx, scope: Scope): Promise<void> {
  await tx.$executeRaw`SELECT
    set_config('role', 'nap_app', true),
    set_config('app.tenant_id', ${scope.tenantId ?? ""}, true),
    set_config('app.user_id', ${scope.userId ?? ""}, true),
    set_config('app.token_hash', ${scope.tokenHash ?? ""}, true),
    set_config('app.platform', ${scope.platform ? "on" : "off"}, true),
    set_config('app.actor', ${`${scope.actor.kind}:${scope.actor.id ?? ""}`}, true)`;
}

async function through<T>(scope: Scope, work: (tx: Tx) => Promise<T>, options: DoorOptions = {}): Promise<T> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          await enterScope(tx, scope);
          return work(tx);
        },
        {
          isolationLevel: options.serializable ? "Serializable" : undefined,
          maxWait: 10_000,
          timeout: options.timeout ?? 20_000,
        },
      );
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (code === "P2002" && options.unique) throw options.unique();
      if (code === "P2034") {
        if (attempt < RETRIES) continue;
        throw new ConflictError({});
      }
      throw error;
    }
  }
}

/**
 * The normal door: one tenant's rows, for a context that has `permission`. The work gets the
 * transaction and an audit recorder bound to the context.
 */
export async function withTenant<T>(
  ctx: TenantContext,
  permission: Permission,
  work: (tx: Tx, audit: Audit) => Promise<T>,
  options?: DoorOptions,
): Promise<T> {
  requirePermission(ctx, permission);
  const actor = actorOf(ctx);
  return through(
    { tenantId: ctx.tenant.id, userId: ctx.user.id, actor },
    (tx) => work(tx, (event) => recordAudit(tx, { ...event, tenantId: ctx.tenant.id, actor })),
    options,
  );
}

/** The signed-in person's own rows before a tenant is chosen: their memberships, their security events. */
export async function withPerson<T>(
  user: Pick<SessionUser, "id">,
  work: (tx: Tx) => Promise<T>,
  options?: DoorOptions,
): Promise<T> {
  return through({ userId: user.id, actor: { kind: "user", id: user.id } }, work, options);
}

/**
 * No tenant and no person yet: signing in (users, sessions, the throttle, security events), or an
 * invitation or reset link found by the hash of its token. Tenant tables answer only the rows that
 * the token names. Unsafe by nature, so the callers are named unsafe... and say why.
 */
export async function unsafeWithoutTenant<T>(
  why: string,
  work: (tx: Tx) => Promise<T>,
  scope: { tokenHash?: string; userId?: string } = {},
  options?: DoorOptions,
): Promise<T> {
  if (!why) throw new Error("unsafeWithoutTenant needs a reason");
  return through({ ...scope, actor: { kind: "system", id: null } }, work, options);
}

/** The tables that belong to no tenant, and so carry no row-level security. */
export const GLOBAL_MODELS = ["user", "userSession", "signInThrottle", "tenant"] as const;
type GlobalDb = Pick<Tx, (typeof GLOBAL_MODELS)[number]>;

/**
 * Reads and single writes of tables that belong to no tenant (users, sessions, the sign-in
 * throttle, tenants by slug), without a transaction: the check on every request's session
 * cookie should not cost three extra statements. The work is handed only those tables; a
 * relation selected through them (a user's memberships) would still reach a tenant table outside
 * the app role on the embedded database, so the door scan allows this door in sessions.ts only.
 */
export async function unsafeOutsideTenants<T>(why: string, work: (db: GlobalDb) => Promise<T>): Promise<T> {
  if (!why) throw new Error("unsafeOutsideTenants needs a reason");
  const db = await getDb();
  return work({ user: db.user, userSession: db.userSession, signInThrottle: db.signInThrottle, tenant: db.tenant });
}

/**
 * Every tenant's rows: platform administration and the demo seed only. The reason is required
 * (the door scan checks each call names one) and writes made here record their own audit events.
 */
export async function unsafeAsPlatform<T>(
  why: string,
  actor: Actor,
  work: (tx: Tx) => Promise<T>,
  options?: DoorOptions,
): Promise<T> {
  if (!why) throw new Error("unsafeAsPlatform needs a reason");
  return through({ platform: true, userId: actor.kind === "user" ? actor.id : null, actor }, work, options);
}

/** Records an audit event in the system door's transaction, as the system actor, for the tenant it names. */
export type SystemAudit = (event: Omit<AuditInput, "actor">) => Promise<void>;

const SYSTEM: Actor = { kind: "system", id: null };

/**
 * Scheduled jobs and the mail outbox belong to no request: every tenant's rows, as the system
 * actor (audited as "system"). For lib/data/jobs.ts and lib/data/outbox.ts only; the reason is
 * required like the other unsafe doors'.
 */
export async function unsafeAsSystem<T>(
  why: string,
  work: (tx: Tx, audit: SystemAudit) => Promise<T>,
  options?: DoorOptions,
): Promise<T> {
  if (!why) throw new Error("unsafeAsSystem needs a reason");
  return through(
    { platform: true, actor: SYSTEM },
    (tx) => work(tx, (event) => recordAudit(tx, { ...event, actor: SYSTEM })),
    options,
  );
}

/** Which database the door opens (for the health check): the embedded PGlite or PostgreSQL. */
export { databaseKind } from "@/lib/db";

/**
 * Load, check the version, write over it, or say who won: the shape every edit form's save has.
 * `write` must update only where the version still matches and return Prisma's `{ count }`.
 */
export async function saveOverVersion<R extends { version: number }>(
  row: R,
  version: number,
  view: (row: R) => Record<string, unknown>,
  write: () => Promise<{ count: number }>,
): Promise<void> {
  if (row.version !== version) throw new ConflictError(view(row));
  const { count } = await write();
  if (count === 0) throw new ConflictError(view(row));
}
