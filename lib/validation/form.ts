import type { z } from "zod";
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
    const values: Record<string, string | number> = {};
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
