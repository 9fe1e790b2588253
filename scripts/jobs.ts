// `npm run jobs`: the job runner alone, for deployments where several app instances serve the
// web (set JOBS=off on those, so that only this process runs the jobs; two runners would still
// never send a message twice, but one is enough). `npm run jobs -- --once` runs one round and
// exits. With the embedded database this cannot run beside `npm start` (one process owns the
// PGlite folder); there `npm start` runs the jobs itself.
import { closeDb } from "@/lib/db";
import { runJobsOnce, startJobRunner } from "@/lib/jobs/runner";

async function main(): Promise<void> {
  if (process.argv.includes("--once")) {
    const result = await runJobsOnce();
    console.log(JSON.stringify({ daily: result.daily, mail: result.mail }));
    await closeDb();
    process.exit(0);
  }
  const stop = startJobRunner();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      void stop()
        .then(() => closeDb())
        .finally(() => process.exit(0));
    });
  }
  // Keep the process alive: the runner's timers are unref'd so that the app can exit cleanly.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
