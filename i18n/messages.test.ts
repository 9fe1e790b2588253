import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGE_FILES } from "./messages";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function placeholders(text: string): string[] {
  // Top-level ICU arguments only: "{count, plural, one {# item}}" -> ["count"].
  const names: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "{") {
      if (depth === 0)
        names.push(
          text
            .slice(i + 1)
            .split(/[,}]/)[0]
            .trim(),
        );
      depth++;
    } else if (text[i] === "}") depth--;
  }
  return names.sort();
}

function lookup(tree: Tree, path: string): string | undefined {
  return path
    .split(".")
    .reduce<Tree | string | undefined>((node, k) => (typeof node === "object" ? node[k] : undefined), tree) as
    string | undefined;
}

describe("translations", () => {
  const files = Object.keys(MESSAGE_FILES.en);

  it("have the same files in every language", () => {
    for (const locale of LOCALES) expect(Object.keys(MESSAGE_FILES[locale]).sort()).toEqual([...files].sort());
  });

  it("never share a namespace between two files", () => {
    const seen = new Map<string, string>();
    for (const file of files) {
      for (const ns of Object.keys(MESSAGE_FILES.en[file])) {
        expect(seen.get(ns), `namespace ${ns} is in ${seen.get(ns)} and ${file}`).toBeUndefined();
        seen.set(ns, file);
      }
    }
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it.each(files)(`${locale} has every English key of %s, with the same placeholders`, (file) => {
      const en = MESSAGE_FILES.en[file] as Tree;
      const other = MESSAGE_FILES[locale][file] as Tree;
      expect(keys(other).sort()).toEqual(keys(en).sort());
      for (const key of keys(en)) {
        const text = lookup(other, key)!;
        expect(text.trim(), `${locale} ${key} is empty`).not.toBe("");
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(lookup(en, key)!));
      }
    });
  }
});
