import { z } from "@/lib/validation/zod";
import type { MessageRef } from "@/lib/domain/errors";
import { isEmptyFileInput, isFile, megabytes } from "./files";

/**
 * FormData to a plain object; a key sent several times (checkboxes, multi-selects, several
 * files) becomes an array. Files are values like text; an empty file input (no name, no bytes)
 * is left out, so a single one reads as undefined, as "not given".
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v) => typeof v === "string" || (isFile(v) && !isEmptyFileInput(v)));
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}

/** Zod issues to one message per field, as translation keys with their values. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, MessageRef> {
  const out: Record<string, MessageRef> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    if (out[field]) continue;
    out[field] = toMessage(issue);
  }
  return out;
}

function toMessage(issue: z.core.$ZodIssue): MessageRef {
  // Our schemas' messages are translation keys ("validation.required", "activityForm.validation.x");
  // zod's own messages are English sentences and are mapped by issue code below.
  if (/^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/.test(issue.message)) {
    const values: Record<string, string | number> = { ...ruleValues(issue) };
    if ("minimum" in issue) values.min = Number(issue.minimum);
    if ("maximum" in issue)
      values.max = issue.origin === "file" ? megabytes(Number(issue.maximum)) : Number(issue.maximum);
    return { key: issue.message, values };
  }
  switch (issue.code) {
    case "too_small":
      return { key: "validation.tooShort", values: { min: Number(issue.minimum) } };
    case "too_big":
      return { key: "validation.tooLong", values: { max: Number(issue.maximum) } };
    case "invalid_type":
      return { key: "validation.required" };
    default:
      return { key: "validation.invalid" };
  }
}

/** The values a rule across fields gave its message (lib/validation/rules.ts). */
export function ruleValues(issue: z.core.$ZodIssue): Record<string, string | number> {
  return issue.code === "custom" && issue.params && typeof issue.params.values === "object"
    ? (issue.params.values as Record<string, string | number>)
    : {};
}

const INDEX = /^\d{1,2}$/;
// Plain field names only: nothing like "__proto__" can reach the objects built below.
const NAME = /^[a-zA-Z][a-zA-Z0-9]{0,40}$/;

/**
 * Dotted field names to nested values, the names being the error paths: { "title.ru": x } ->
 * { title: { ru: x } }, { "indicators.0.name.en": x } -> { indicators: [{ name: { en: x } }] }.
 * Undotted keys pass through; a key with any other segment is dropped; indexes are compacted in order.
 */
export function unflatten(raw: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = key.split(".");
    if (path.length === 1) {
      if (key !== "__proto__") root[key] = value;
    } else if (NAME.test(path[0]) && path.every((p) => NAME.test(p) || INDEX.test(p))) setPath(root, path, value);
  }
  return toArrays(root) as Record<string, unknown>;
}

function setPath(node: Record<string, unknown>, path: string[], value: unknown) {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    node[head] = value;
    return;
  }
  const existing = Object.hasOwn(node, head) ? node[head] : undefined;
  const child = (
    typeof existing === "object" && existing !== null && !Array.isArray(existing) ? existing : (node[head] = {})
  ) as Record<string, unknown>;
  setPath(child, rest, value);
}

function toArrays(node: unknown): unknown {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return node;
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k]) => INDEX.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => toArrays(v));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, toArrays(v)]));
}

/** A form schema whose fields may be posted under dotted names (see unflatten). */
export function withDottedFields<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (raw) => (raw && typeof raw === "object" && !Array.isArray(raw) ? unflatten(raw as Record<string, unknown>) : raw),
    schema,
  );
}
