// How big a form's request will be, measured in the browser before it is sent: text as UTF-8
// bytes, files by size, and a little per field for the multipart framing around each value.
// Two bounds: the text typed (about a megabyte) and everything with the files (see limits.ts).
import { FORM_FIELDS_LIMIT_BYTES, FORM_TEXT_LIMIT_BYTES } from "./limits";

/** Boundary line and Content-Disposition header of one multipart part, roughly. */
const PART_OVERHEAD_BYTES = 100;

type Entry = [string, string | { size: number; name?: string }];

interface FieldSize {
  name: string;
  bytes: number;
}

export interface FormSize {
  bytes: number;
  /** The text fields alone, without files or framing. */
  textBytes: number;
  /** The field holding the most, to tell the person where to shorten. */
  largest: FieldSize | null;
  /** The text field holding the most. */
  largestText: FieldSize | null;
}

/** Why a form may not be sent, and the bound it broke; null when it may be sent. */
export interface FormRefusal {
  reason: "text" | "total";
  bytes: number;
  limit: number;
  largest: FieldSize | null;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export function measureForm(entries: Iterable<Entry>): FormSize {
  const perField = new Map<string, number>();
  const perTextField = new Map<string, number>();
  let bytes = 0;
  let textBytes = 0;
  for (const [name, value] of entries) {
    const isText = typeof value === "string";
    const size = isText ? utf8Bytes(value) : value.size + utf8Bytes(value.name ?? "");
    bytes += PART_OVERHEAD_BYTES + utf8Bytes(name) + size;
    perField.set(name, (perField.get(name) ?? 0) + size);
    if (isText) {
      textBytes += size;
      perTextField.set(name, (perTextField.get(name) ?? 0) + size);
    }
  }
  return { bytes, textBytes, largest: largestOf(perField), largestText: largestOf(perTextField) };
}

function largestOf(sizes: Map<string, number>): FieldSize | null {
  let largest: FieldSize | null = null;
  for (const [name, bytes] of sizes) if (!largest || bytes > largest.bytes) largest = { name, bytes };
  return largest;
}

/** The text bound is checked first: a form with too much text is told so, even with files attached. */
export function formRefusal(
  size: FormSize,
  limits = { text: FORM_TEXT_LIMIT_BYTES, total: FORM_FIELDS_LIMIT_BYTES },
): FormRefusal | null {
  if (size.textBytes > limits.text)
    return { reason: "text", bytes: size.textBytes, limit: limits.text, largest: size.largestText };
  if (size.bytes > limits.total)
    return { reason: "total", bytes: size.bytes, limit: limits.total, largest: size.largest };
  return null;
}

/** Next's own refusal ("Body exceeded 12mb limit."), also what proxy.ts answers for an oversized action. */
export function isBodySizeError(error: unknown): boolean {
  return error instanceof Error && /body exceeded .*limit/i.test(error.message);
}

/** Kilobytes as people read them, never showing 0 for a non-empty form. */
export function kilobytes(bytes: number): number {
  return Math.ceil(bytes / 1024);
}
