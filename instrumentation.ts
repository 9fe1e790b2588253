// Next calls register() once when the server starts. In the Node.js runtime it starts the job
// runner in this process (lib/jobs/runner.ts): daily reminders, locks and digests, and the mail
// outbox. JOBS=off turns it off (run `npm run jobs` separately when several instances serve the
// app). Never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { jobsEnabled, startJobRunner } = await import("./lib/jobs/runner");
  if (!jobsEnabled()) return;
  startJobRunner();
}
