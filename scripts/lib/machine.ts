// What a measurement ran on, printed and written with its figures: on a shared 2-core machine the
// load average says as much about a result as the result itself.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  loadAverage: number[];
  node: string;
  postgres: string;
  next: string;
  commit: string;
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout?.trim() || "unknown";
  const dirty = spawnSync("git", ["status", "--porcelain"], { encoding: "utf8" }).stdout?.trim()
    ? " (with changes)"
    : "";
  const nextPackage = path.join(process.cwd(), "node_modules", "next", "package.json");
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    postgres: rows[0].server_version,
    next: (JSON.parse(readFileSync(nextPackage, "utf8")) as { version: string }).version,
    commit: head + dirty,
  };
}
