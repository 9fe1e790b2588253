import "server-only";
import { databaseKind, unsafeWithoutTenant } from "./door";

export interface DatabaseHealth {
  ok: boolean;
  kind: "postgres" | "pglite";
  latencyMs: number;
  migrations?: number;
}

/** Not tenant data: whether the database answers, for /api/health. */
export async function checkDatabase(timeoutMs = 3000): Promise<DatabaseHealth> {
  const started = performance.now();
  const kind = databaseKind();
  // When the clock starts. PostgreSQL: at once, so a server that does not answer, connecting
  // included, is down after timeoutMs. The embedded database: once the door's transaction has
  // begun, because opening it (seconds on a cold start, inside this process) is not it being down.
  let startClock = () => {};
  const timeout = new Promise<never>((_, reject) => {
    startClock = () => void setTimeout(() => reject(new Error("timeout")), timeoutMs).unref();
  });
  if (kind === "postgres") startClock();
  try {
    // _prisma_migrations has no tenant and no row-level security; the app role may only read it.
    const probe = unsafeWithoutTenant("health: count the applied migrations, no tenant data", async (tx) => {
      if (kind === "pglite") startClock();
      const rows = await tx.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*)::bigint AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
      return Number(rows[0]?.n ?? 0);
    });
    const migrations = await Promise.race([probe, timeout]);
    return { ok: true, kind, latencyMs: Math.round(performance.now() - started), migrations };
  } catch {
    return { ok: false, kind, latencyMs: Math.round(performance.now() - started) };
  }
}
