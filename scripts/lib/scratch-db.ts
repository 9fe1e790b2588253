// A scratch PostgreSQL database for the measurement scripts: made on the server of a base URL,
// migrated, and dropped afterwards (nothing of yours is touched). Used by perf:review and
// bench:dashboard.
//
// With `roles`, it is laid out the way production and CI run the app (docs/security.md, .ci/run):
// the database belongs to nap_owner, who applies the migrations; the app logs in as nap_web, a
// member of nap_app that obeys row-level security. The base URL must then be a superuser's (the
// local postgres user on the project's machines): it creates the roles when they are missing.
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";
import { pgRunner } from "@/lib/db/runners";

/** The project's machines: PostgreSQL on 127.0.0.1:5432, user postgres, trust authentication. */
export const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  name: string;
  /** The base URL's user on the scratch database (a superuser with `roles`: bypasses row-level security). */
  url: string;
  /** The tables' owner (with `roles`), else the same as `url`. */
  ownerUrl: string;
  /** What the app logs in as: nap_web (with `roles`), else the same as `url`. */
  appUrl: string;
  /** Drops the database (WITH (FORCE): open connections are ended) and closes the admin connection. */
  drop: () => Promise<void>;
}

const ROLES_SQL = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nap_app') THEN CREATE ROLE nap_app NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nap_web') THEN CREATE ROLE nap_web LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE nap_app; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nap_owner') THEN CREATE ROLE nap_owner LOGIN NOSUPERUSER NOBYPASSRLS; END IF;
END
$$`;

function withDatabase(base: string, database: string, user?: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = "";
  }
  return url.toString();
}

/** A new, migrated database named `<prefix>_<time>_<pid>` on the server of `base`. */
export async function createScratchDatabase(
  base: string,
  opts: { prefix: string; roles?: boolean },
): Promise<ScratchDatabase> {
  const name = `${opts.prefix}_${Date.now()}_${process.pid}`;
  // The roles have no password (the project's machines trust local connections): never make
  // them on a server that others reach.
  const host = new URL(base).hostname;
  if (opts.roles && !["127.0.0.1", "localhost", "::1", "[::1]", ""].includes(host))
    throw new Error(`refusing to create the app's login roles on ${host}: point DATABASE_URL at a local PostgreSQL`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    if (opts.roles) await admin.query(ROLES_SQL);
    await admin.query(`CREATE DATABASE "${name}"${opts.roles ? " OWNER nap_owner" : ""}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = withDatabase(base, name);
  const ownerUrl = opts.roles ? withDatabase(base, name, "nap_owner") : url;
  const appUrl = opts.roles ? withDatabase(base, name, "nap_web") : url;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  try {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await applyMigrations(pgRunner(client));
    } finally {
      await client.end();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, ownerUrl, appUrl, drop };
}
