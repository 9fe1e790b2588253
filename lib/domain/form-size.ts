// How big a form's request will be, measured in the browser before it is sent: text as UTF-8
// bytes, files by size, and a little per field for the multipart framing around each value.
import { FORM_FIELDS_LIMIT_BYTES } from "./limits";

/** Boundary line and Content-Disposition header of one multipart part, roughly. */
const PART_OVERHEAD_BYTES = 100;

type Entry = [string, string | { size: number; name?: string }];

export interface FormSize {
  bytes: number;
  /** The field holding the most, to tell the person where to shorten. */
  largest: { name: string; bytes: number } | null;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export function measureForm(entries: Iterable<Entry>): FormSize {
  const perField = new Map<string, number>();
  let bytes = 0;
  for (const [name, value] of entries) {
    const size = typeof value === "string" ? utf8Bytes(value) : value.size + utf8Bytes(value.name ?? "");
    bytes += PART_OVERHEAD_BYTES + utf8Bytes(name) + size;
    perField.set(name, (perField.get(name) ?? 0) + size);
  }
  let largest: FormSize["largest"] = null;
  for (const [name, size] of perField) if (!largest || size > largest.bytes) largest = { name, bytes: size };
  return { bytes, largest };
}

export function isFormTooLarge(size: FormSize, limit = FORM_FIELDS_LIMIT_BYTES): boolean {
  return size.bytes > limit;
}

/** Next's own refusal ("Body exceeded 1mb limit."), also what proxy.ts answers for an oversized action. */
export function isBodySizeError(error: unknown): boolean {
  return error instanceof Error && /body exceeded .*limit/i.test(error.message);
}

/** Kilobytes as people read them, never showing 0 for a non-empty form. */
export function kilobytes(bytes: number): number {
  return Math.ceil(bytes / 1024);
}
