// The production app for the measurement scripts: built when there is no build (or when asked),
// served by scripts/server.mjs (Next's handler behind the client-address step, as `npm start`
// and `npm run serve` do) on a free port, and signed in to through next-auth's own credentials
// endpoint, as the sign-in form is.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export interface BuildInfo {
  built: boolean;
  buildId: string;
  /** When the build in .next was made. */
  at: Date;
}

/** Runs `next build` when .next/BUILD_ID is missing or `force` is set; says which build is served. */
export function ensureBuild(force: boolean): BuildInfo {
  const idFile = path.join(root, ".next", "BUILD_ID");
  const built = force || !existsSync(idFile);
  if (built) {
    console.log("building the app (next build, about a minute)…");
    const result = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  }
  return { built, buildId: readFileSync(idFile, "utf8").trim(), at: statSync(idFile).mtime };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** `wanted` if nothing listens there, else the next free port of the ten after it. */
export async function freePort(wanted: number): Promise<number> {
  for (let port = wanted; port < wanted + 10; port++) if (await portIsFree(port)) return port;
  throw new Error(`ports ${wanted}-${wanted + 9} are all taken: choose another with --port`);
}

export interface AppServer {
  base: string;
  child: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
  stop: () => Promise<void>;
}

/**
 * Serves the build on 127.0.0.1:`port` against `databaseUrl`, with the jobs runner off (it would
 * add its own queries to the measurement) and a throw-away AUTH_SECRET. Resolves once
 * /api/health answers; the server's output is kept and shown only if it fails to start.
 */
export async function startAppServer(opts: {
  port: number;
  databaseUrl: string;
  env?: NodeJS.ProcessEnv;
}): Promise<AppServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: opts.databaseUrl,
      JOBS: "off",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: base,
      PORT: String(opts.port),
      HOSTNAME: "127.0.0.1",
      ...opts.env,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`no answer from ${base}/api/health in 2 minutes:\n${output}`);
}

/** The cookies a response sets, as one Cookie header value (name=value pairs only). */
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** A session cookie ("name=value"), through next-auth's credentials endpoint (what the sign-in form ends in). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
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
