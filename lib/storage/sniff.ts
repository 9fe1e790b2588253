// What a file is, read from its bytes (magic numbers), for the types evidence may be: a name or a
// Content-Type sent by the browser proves nothing. file-type (pinned) reads the signatures and
// looks inside ZIP containers for the Office part that makes one a DOCX, XLSX or PPTX; legacy
// Office files are OLE compound files, told apart here by the stream each program writes; text
// has no signature, so it is what is left when the bytes are valid UTF-8 with no control codes.
// Anything else (executables, archives, HTML, SVG...) answers null: not a type we accept.
import { fileTypeFromBuffer } from "file-type/core";

export const SNIFFED_TYPES = {
  pdf: { mime: "application/pdf", extensions: ["pdf"] },
  png: { mime: "image/png", extensions: ["png"] },
  jpg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  gif: { mime: "image/gif", extensions: ["gif"] },
  webp: { mime: "image/webp", extensions: ["webp"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
  doc: { mime: "application/msword", extensions: ["doc"] },
  xls: { mime: "application/vnd.ms-excel", extensions: ["xls"] },
  ppt: { mime: "application/vnd.ms-powerpoint", extensions: ["ppt"] },
  // CSV is text with commas: the bytes cannot tell it from any other text.
  txt: { mime: "text/plain; charset=utf-8", extensions: ["txt", "csv"] },
} as const;

export type SniffedKind = keyof typeof SNIFFED_TYPES;

export interface SniffedType {
  kind: SniffedKind;
  mime: string;
}

/** file-type's answers that are one of ours (an animated PNG is still a PNG). */
const FROM_FILE_TYPE: Record<string, SniffedKind> = {
  pdf: "pdf",
  png: "png",
  apng: "png",
  jpg: "jpg",
  gif: "gif",
  webp: "webp",
  docx: "docx",
  xlsx: "xlsx",
  pptx: "pptx",
};

/** The stream each legacy Office program writes into its OLE file, as the directory stores names (UTF-16LE). */
const OLE_STREAMS: [SniffedKind, string[]][] = [
  ["doc", ["WordDocument"]],
  ["xls", ["Workbook", "Book"]],
  ["ppt", ["PowerPoint Document"]],
];

const TEXT_SAMPLE_BYTES = 64 * 1024;
/** Tab, line feed, form feed, carriage return. */
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/**
 * The type of these bytes, or null when it is none of SNIFFED_TYPES. Give it the whole file
 * (uploads are at most FILE_MAX_BYTES): the part that names an Office file may sit anywhere in
 * the ZIP, and an OLE file's stream names anywhere in the file.
 */
export async function sniffContentType(bytes: Uint8Array): Promise<SniffedType | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  if (found?.ext === "cfb") return typed(oleKind(bytes));
  if (found) return typed(FROM_FILE_TYPE[found.ext] ?? null);
  return typed(looksLikeText(bytes) ? "txt" : null);
}

/** Whether a file's name (its last extension, any case) fits what its bytes are. */
export function extensionMatches(fileName: string, sniffed: SniffedType | null): boolean {
  if (!sniffed) return false;
  const ext = extensionOf(fileName);
  return ext !== null && (SNIFFED_TYPES[sniffed.kind].extensions as readonly string[]).includes(ext);
}

/** The Content-Type to store and serve: the sniffed one, except that text named .csv is served as CSV. */
export function contentTypeFor(fileName: string, sniffed: SniffedType): string {
  return sniffed.kind === "txt" && extensionOf(fileName) === "csv" ? "text/csv; charset=utf-8" : sniffed.mime;
}

function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : null;
}

function typed(kind: SniffedKind | null): SniffedType | null {
  return kind ? { kind, mime: SNIFFED_TYPES[kind].mime } : null;
}

function oleKind(bytes: Uint8Array): SniffedKind | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [kind, names] of OLE_STREAMS) {
    if (names.some((name) => buffer.includes(Buffer.from(`${name}\0`, "utf16le")))) return kind;
  }
  return null; // an installer, a Visio drawing, an Outlook message...: not evidence we accept
}

/** Valid UTF-8 (a BOM allowed) with no control characters but tab, line breaks and form feed. */
function looksLikeText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    // stream: a multi-byte letter cut at the sample's end is not an encoding error.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, TEXT_SAMPLE_BYTES), { stream: true });
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f) return false;
  }
  return true;
}
