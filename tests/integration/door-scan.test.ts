// The data layer reaches the database only through lib/data/door.ts: no other file there may open
// the Prisma client itself, and the two unsafe doors must always say why they are used.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../lib/data");
const DOOR = path.join(ROOT, "door.ts");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const sources = files(ROOT).map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, "utf8") }));

describe("the one door", () => {
  it("is the only file of lib/data that opens the database client", () => {
    const offenders = sources.filter(
      (s) => s.file !== path.relative(ROOT, DOOR) && /from\s+["']@\/lib\/db["']|getDb\s*\(/.test(s.text),
    );
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it("opens no transaction of its own outside the door", () => {
    const offenders = sources.filter((s) => s.file !== "door.ts" && /\$transaction\s*\(/.test(s.text));
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it("names a reason at every use of an unsafe door", () => {
    const unnamed: string[] = [];
    for (const s of sources.filter((x) => x.file !== "door.ts")) {
      const calls = [
        ...s.text.matchAll(
          /\b(?:unsafeWithoutTenant|unsafeAsPlatform|unsafeOutsideTenants|unsafeAsSystem)\s*(?:<[^>(]*>)?\s*\(/g,
        ),
      ];
      for (const call of calls) {
        // The first argument must be a string literal of a few words: the reason.
        const rest = s.text.slice(call.index! + call[0].length).trimStart();
        if (!/^(["'`])(?:(?!\1)[^\n]){3,}\1\s*,/.test(rest)) unnamed.push(`${s.file}: ${rest.slice(0, 40)}`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  it("uses the transaction-less door for the session check only", () => {
    const users = sources
      .filter((s) => s.file !== "door.ts" && /\bunsafeOutsideTenants\s*\(/.test(s.text))
      .map((s) => s.file);
    expect(users).toEqual(["sessions.ts"]);
  });

  it("opens the system door in the job and outbox files only", () => {
    const users = sources
      .filter((s) => s.file !== "door.ts" && /\bunsafeAsSystem\s*\(/.test(s.text))
      .map((s) => s.file)
      .sort();
    expect(users).toEqual(["jobs.ts", "outbox.ts"]);
  });

  it("sees every data file (the scan itself works)", () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.some((s) => s.file === "door.ts" && s.text.includes("getDb"))).toBe(true);
  });
});
