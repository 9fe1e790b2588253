// Lighthouse (mobile profile: a mid-range phone, simulated slow 4G) on the active plan's page of a
// running app, signed in as a demo person. Prints the performance, accessibility and
// best-practices scores, the main opportunities and every failed audit.
//
//   npm run perf:lighthouse -- [--base http://127.0.0.1:3000] [--email coordinator@tm.example.org]
//                              [--path /turkmenistan/plans/<id>] [--runs 3] [--json report.json]
//
// Serve the production build first, e.g. PORT=3200 PGLITE_DIR=.data/lh-pglite SEED_DEMO=true
// npx tsx scripts/start.ts. Uses Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// Lighthouse 12 is the last line that runs on Node 20 (13 wants Node 22).
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const base = arg("base", process.env.BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const email = arg("email", "coordinator@tm.example.org");
const password = process.env.DEMO_PASSWORD ?? "demo-pass-2018";
const CATEGORIES = ["performance", "accessibility", "best-practices"];

/** The cookies a response sets, as one Cookie header value (name=value pairs only). */
const cookiesOf = (res) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** A session cookie, through next-auth's own credentials endpoint (what the sign-in form ends in). */
async function signIn() {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base }),
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf), "content-type": "application/x-www-form-urlencoded" },
  });
  const session = cookiesOf(res)
    .split("; ")
    .find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return session;
}

/** The first plan linked from Turkmenistan's overview (the demo's active plan, NAP 2025-2029). */
async function planPath(cookie) {
  const res = await fetch(`${base}/turkmenistan`, { headers: { cookie } });
  const html = await res.text();
  const match = /href="(\/turkmenistan\/plans\/(?!new")[\w-]+)"/.exec(html);
  if (!match) throw new Error(`no plan link on /turkmenistan (HTTP ${res.status})`);
  return match[1];
}

const cookie = await signIn();
const path = arg("path", null) ?? (await planPath(cookie));
const url = `${base}${path}`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox"],
});
// Scores on a shared machine vary from run to run (mostly the blocking time): with --runs N the
// report is the run with the median performance score.
const runs = Math.max(1, Number(arg("runs", "1")));
const results = [];
try {
  // A run that Lighthouse itself could not record (NO_NAVSTART and the like, under load) is retried.
  for (let attempt = 0; results.length < runs; attempt++) {
    // No config: Lighthouse's default is the mobile profile (formFactor "mobile", screen emulation,
    // simulated throttling).
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: CATEGORIES,
      extraHeaders: { Cookie: cookie },
    });
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    if (lhr.runtimeError) {
      if (attempt >= runs * 2) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      console.error(`run failed (${lhr.runtimeError.code}), once more`);
      continue;
    }
    // A session the server did not accept ends on the sign-in page, whose scores would mean nothing.
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
      throw new Error(`ended on ${lhr.finalDisplayedUrl}, not the page asked for: was the session accepted?`);
    results.push(result);
  }
} finally {
  await chrome.kill();
}
const score = (r, id) => Math.round((r.lhr.categories[id]?.score ?? 0) * 100);
results.sort((a, b) => score(a, "performance") - score(b, "performance"));
const result = results[Math.floor(results.length / 2)];
const { lhr } = result;
const jsonPath = arg("json", null);
if (jsonPath) writeFileSync(jsonPath, result.report);

console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${url} (as ${email})`);
if (runs > 1) {
  const all = (id) => results.map((r) => score(r, id)).join(", ");
  console.log(`${runs} runs; performance ${all("performance")}; the median run:`);
}
for (const id of CATEGORIES) {
  const score = lhr.categories[id]?.score;
  console.log(`  ${lhr.categories[id]?.title ?? id}: ${score == null ? "n/a" : Math.round(score * 100)}`);
}

const metrics = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "interactive",
  // Diagnostics that explain the blocking time: how much the main thread did, on how big a page.
  "mainthread-work-breakdown",
  "bootup-time",
  "dom-size",
  "total-byte-weight",
];
console.log("\nmetrics and diagnostics:");
for (const id of metrics) if (lhr.audits[id]) console.log(`  ${lhr.audits[id].title}: ${lhr.audits[id].displayValue}`);

const opportunities = Object.values(lhr.audits)
  .filter((a) => a.details?.type === "opportunity" && a.score !== null && a.score < 0.9)
  .sort((a, b) => (b.details.overallSavingsMs ?? 0) - (a.details.overallSavingsMs ?? 0))
  .slice(0, 8);
console.log("\ntop opportunities:");
if (opportunities.length === 0) console.log("  none");
for (const a of opportunities)
  console.log(
    `  ${a.title}: ~${Math.round(a.details.overallSavingsMs ?? 0)} ms${a.displayValue ? ` (${a.displayValue})` : ""}`,
  );

// Failed: scored below 0.9. For performance only the weighted audits (the metrics); its other
// audits are the opportunities above. Informative and manual audits have no score.
const failed = new Set();
for (const id of CATEGORIES) {
  for (const ref of lhr.categories[id]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 0.9 || (id === "performance" && ref.weight === 0)) continue;
    failed.add(`  [${id}] ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
  }
}
console.log("\nfailed audits:");
console.log(failed.size ? [...failed].join("\n") : "  none");
