import "server-only";
import { databaseKind, getDb } from "@/lib/db";

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
  try {
    // Opening the embedded database (seconds on a cold start) is not the database being down:
    // only the query itself races the timeout.
    const db = await getDb();
    const probe = (async () => {
      const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
      return Number(rows[0]?.n ?? 0);
    })();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref());
    const migrations = await Promise.race([probe, timeout]);
    return { ok: true, kind, latencyMs: Math.round(performance.now() - started), migrations };
  } catch {
    return { ok: false, kind, latencyMs: Math.round(performance.now() - started) };
  }
}
