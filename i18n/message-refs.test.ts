// Every message key the server and the domain hand to the UI by name (`{ key: "..." }`, a
// RuleError's message) exists in English: a key missing here would show as raw text next to a field.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";

const ROOT = path.resolve(__dirname, "..");
const DIRS = ["lib", "components", "app"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function has(tree: unknown, key: string): boolean {
  let node = tree;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

const PATTERNS = [/\bkey: "([a-zA-Z]+\.[\w.]+)"/g, /new RuleError\("([a-zA-Z]+\.[\w.]+)"/g];

describe("message keys named in code", () => {
  it("all exist in the English messages", () => {
    const messages = messagesFor("en");
    const missing: string[] = [];
    let seen = 0;
    for (const file of DIRS.flatMap((d) => files(path.join(ROOT, d)))) {
      const text = readFileSync(file, "utf8");
      for (const pattern of PATTERNS)
        for (const m of text.matchAll(pattern)) {
          seen++;
          if (!has(messages, m[1])) missing.push(`${path.relative(ROOT, file)}: ${m[1]}`);
        }
    }
    expect(seen).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
