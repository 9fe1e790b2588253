// The demo seed: Turkmenistan (three plans), Kazakhstan and Kyrgyzstan, and the demo users.
// Loads only into a database without tenants, so it never touches real data.
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { getFileStore } from "@/lib/storage/store";
import { FileExistsError } from "@/lib/storage/types";
import { buildDemo, insertDemo, summarize } from "./builder";
import { KAZAKHSTAN, KYRGYZSTAN } from "./neighbours";
import { TURKMENISTAN } from "./turkmenistan";
import { DEMO_PASSWORD, USERS } from "./users";

export { DEMO_PASSWORD, DEMO_SIGN_INS } from "./users";

export const DEMO_TENANTS = [TURKMENISTAN, KAZAKHSTAN, KYRGYZSTAN];

const ALREADY = "database already has data; demo not loaded";

export async function seedDemo(
  db: PrismaClient,
  opts: { today?: Date } = {},
): Promise<{ seeded: boolean; summary: string }> {
  if ((await db.tenant.count()) > 0) return { seeded: false, summary: ALREADY };
  const rows = buildDemo(DEMO_TENANTS, USERS, await hashPassword(DEMO_PASSWORD), opts.today ?? new Date());
  // The evidence bytes first: a row never points at a file that is not there.
  const store = getFileStore();
  for (const f of rows.files)
    await store.put(f.key, f.bytes, { contentType: f.contentType }).catch((e: unknown) => {
      if (!(e instanceof FileExistsError)) throw e;
    });
  const seeded = await db.$transaction(
    async (tx) => {
      // The seed writes every tenant's rows: the platform scope of row-level security, for this
      // transaction only (needed when it connects as the tables' owner or as the app role).
      await tx.$executeRaw`SELECT set_config('app.platform', 'on', true)`;
      if ((await tx.tenant.count()) > 0) return false;
      await insertDemo(tx, rows);
      return true;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return seeded ? { seeded: true, summary: summarize(rows) } : { seeded: false, summary: ALREADY };
}
