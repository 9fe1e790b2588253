// Every 'use server' export must go through the one wrapper (lib/actions/safe-action.ts):
// that is where authentication, validation and tenant resolution happen.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isWrappedAction } from "@/lib/actions/safe-action";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (["node_modules", ".next", "generated", ".data"].includes(name)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const serverFiles = ["app", "lib", "components"]
  .flatMap((d) => sourceFiles(path.join(root, d)))
  .filter((f) => /^\s*["']use server["'];?/m.test(readFileSync(f, "utf8").split("\n").slice(0, 3).join("\n")));

describe("server actions", () => {
  it("are found", () => {
    expect(serverFiles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(serverFiles.map((f) => [path.relative(root, f), f]))(
    "%s exports only wrapped actions",
    async (_name, file) => {
      const mod = (await import(file)) as Record<string, unknown>;
      const exports = Object.entries(mod);
      expect(exports.length).toBeGreaterThan(0);
      for (const [name, value] of exports) {
        expect(isWrappedAction(value), `${name} must be made with publicAction/userAction/tenantAction`).toBe(true);
      }
    },
  );
});
