// Files posted with a form. formDataToObject (lib/validation/form.ts) hands a File through as the
// field's value and turns an empty file input into undefined; the action wrapper has already
// refused any file over its limit before a schema sees it. The schema repeats the bound so that
// a form checked without the wrapper (or an action with a larger limit) still holds it.
// What a file really is, is decided from its bytes when it is stored (lib/storage/sniff.ts), never
// from the name or type the browser sends.
import { z } from "@/lib/validation/zod";
import { FILE_MAX_BYTES } from "@/lib/domain/limits";

export interface FileSchemaOptions {
  /** Default FILE_MAX_BYTES. */
  maxBytes?: number;
  /** Default true: an empty file input answers "required". */
  required?: boolean;
}

/** A single uploaded file: not empty, at most maxBytes. */
export function fileSchema(options: { maxBytes?: number; required: false }): z.ZodOptional<z.ZodFile>;
export function fileSchema(options?: { maxBytes?: number; required?: true }): z.ZodFile;
export function fileSchema({ maxBytes = FILE_MAX_BYTES, required = true }: FileSchemaOptions = {}):
  z.ZodFile | z.ZodOptional<z.ZodFile> {
  const file = z.file("validation.required").min(1, "limits.fileEmpty").max(maxBytes, "limits.fileTooLarge");
  return required ? file : file.optional();
}

/** Megabytes as the "limits.fileTooLarge" message shows them: one decimal, never 0 for a positive limit. */
export function megabytes(bytes: number): number {
  return Math.max(0.1, Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** A File, as FormData holds it (in the browser, in Node and in Next's action decoding alike). */
export function isFile(value: unknown): value is File {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as File).arrayBuffer === "function" &&
    typeof (value as File).size === "number" &&
    typeof (value as File).name === "string"
  );
}

/** What a browser sends for a file input left empty: no name, no bytes. */
export function isEmptyFileInput(value: File): boolean {
  return value.size === 0 && value.name === "";
}
