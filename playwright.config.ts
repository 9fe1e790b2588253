import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run Debian's Chromium (apt-get install chromium) against `next start`, on a
// database made fresh for the run: E2E_DATABASE_URL (PostgreSQL, CI) or an embedded PGlite in
// .data/e2e-pglite. The demo data is loaded first; the tests sign in with the demo accounts.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts --fresh",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-3b9f1c",
      // The tests sign in with the demo accounts, also on PostgreSQL (where seeding is opt-in).
      SEED_DEMO: "true",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
        : { PGLITE_DIR: ".data/e2e-pglite" }),
      // CI serves the app as a role that obeys row-level security and migrates as the owner.
      ...(process.env.E2E_MIGRATION_DATABASE_URL
        ? { MIGRATION_DATABASE_URL: process.env.E2E_MIGRATION_DATABASE_URL }
        : {}),
    },
  },
});
