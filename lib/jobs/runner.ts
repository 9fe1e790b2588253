import "server-only";
// The job runner: every JOBS_INTERVAL_SECONDS (default 60) it runs the daily job when a new day
// (UTC) has come, then sends the mail that is due. Started in the app's own process by
// instrumentation.ts (`npm start`), or alone by scripts/jobs.ts (`npm run jobs`) for deployments
// with several app instances (then JOBS=off on the web instances). Runs never overlap within a
// process; across processes the database's row locks keep each piece of work to one runner.
import { startOfUtcDay } from "@/lib/domain/day";
import { unsafeRunDailyJob, type DailyResult } from "@/lib/data/jobs";
import { sendPendingMail, workerId, type SendResult } from "./sender";

export interface TickResult {
  daily: DailyResult | null;
  mail: SendResult;
}

/** One round: the daily job (a no-op once it ran today) and the due mail. */
export async function runJobsOnce(now = new Date(), worker = workerId()): Promise<TickResult> {
  const daily = await unsafeRunDailyJob(startOfUtcDay(now), { now });
  const mail = await sendPendingMail({ worker });
  return { daily, mail };
}

export function jobsEnabled(): boolean {
  return (process.env.JOBS ?? "on").trim().toLowerCase() !== "off";
}

export function jobsIntervalMs(): number {
  const seconds = Number(process.env.JOBS_INTERVAL_SECONDS ?? 60);
  return Math.max(1, Number.isFinite(seconds) ? seconds : 60) * 1000;
}

function describe(result: TickResult): string | null {
  const parts: string[] = [];
  if (result.daily) {
    const totals = Object.values(result.daily.tenants).reduce(
      (a, c) => ({ locked: a.locked + c.locked, reminders: a.reminders + c.reminders, digests: a.digests + c.digests }),
      { locked: 0, reminders: 0, digests: 0 },
    );
    parts.push(
      `daily job ${result.daily.day}: ${totals.locked} locked, ${totals.reminders} reminders, ${totals.digests} digests`,
    );
  }
  const { sent, retried, failed } = result.mail;
  if (sent + retried + failed > 0) parts.push(`mail: ${sent} sent, ${retried} to retry, ${failed} failed`);
  return parts.length ? parts.join("; ") : null;
}

/** Starts the loop; the returned function stops it (and waits for a round under way). */
export function startJobRunner(opts: { intervalMs?: number; log?: (line: string) => void } = {}): () => Promise<void> {
  const log = opts.log ?? ((line) => console.log(`[jobs] ${line}`));
  const worker = workerId();
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runJobsOnce(new Date(), worker)
      .then((result) => {
        const line = describe(result);
        if (line) log(line);
      })
      // The error's name and message only: never a row, a token or the SMTP URL.
      .catch((error: unknown) => log(`round failed: ${error instanceof Error ? error.name : "error"}`))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 2_000);
  const timer = setInterval(tick, opts.intervalMs ?? jobsIntervalMs());
  first.unref?.();
  timer.unref?.();
  log(`runner ${worker} started, every ${Math.round((opts.intervalMs ?? jobsIntervalMs()) / 1000)} s`);
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
