// `npm run db:seed`: loads the demo data into an empty database (does nothing otherwise).
import { closeDb, getDb } from "@/lib/db";
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemo } from "./seed-data";

async function main(): Promise<void> {
  const db = await getDb();
  const started = Date.now();
  const { seeded, summary } = await seedDemo(db);
  console.log(`${summary}${seeded ? ` (${Date.now() - started} ms)` : ""}`);
  if (seeded) {
    console.log(`demo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const s of DEMO_SIGN_INS) console.log(`  ${s.email.padEnd(28)} ${s.description}`);
  }
  await closeDb();
  process.exit(0);
}

main().catch(async (error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
