import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";
import type { SqlRunner } from "./migrations";

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    supportsAdvisoryLock: false,
    query: async (sql, params) => pglite.query(sql, params as unknown[]) as never,
    exec: (sql) => pglite.exec(sql),
  };
}

/** A single pg Client (not a pool), so the advisory lock and the scripts share one session. */
export function pgRunner(client: Client): SqlRunner {
  return {
    supportsAdvisoryLock: true,
    query: async (sql, params) => client.query(sql, params as unknown[]) as never,
    exec: (sql) => client.query(sql),
  };
}
