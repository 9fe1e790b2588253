import { describe, expect, it } from "vitest";
import { z } from "@/lib/validation/zod";
import { FILE_MAX_BYTES } from "@/lib/domain/limits";
import { echoValues } from "./echo";
import { fileSchema, isEmptyFileInput, isFile, megabytes } from "./files";
import { fieldErrorsFrom, formDataToObject } from "./form";

const bytes = (n: number) => new Uint8Array(n);
const pdf = (n = 10, name = "report.pdf") => new File([bytes(n)], name, { type: "application/pdf" });
/** What a browser posts for a file input nobody chose a file for. */
const emptyInput = () => new File([], "", { type: "application/octet-stream" });

describe("formDataToObject with files", () => {
  it("hands a file through as the field's value, next to the text", () => {
    const data = new FormData();
    data.append("title", "Evidence");
    data.append("evidence", pdf());
    const raw = formDataToObject(data);
    expect(raw.title).toBe("Evidence");
    expect(isFile(raw.evidence)).toBe(true);
    expect((raw.evidence as File).name).toBe("report.pdf");
  });

  it("reads an empty file input as not given, and leaves it out of a list", () => {
    const data = new FormData();
    data.append("evidence", emptyInput());
    data.append("attachments", pdf(5, "a.pdf"));
    data.append("attachments", emptyInput());
    data.append("attachments", pdf(6, "b.pdf"));
    const raw = formDataToObject(data);
    expect("evidence" in raw && raw.evidence).toBeUndefined();
    expect((raw.attachments as File[]).map((f) => f.name)).toEqual(["a.pdf", "b.pdf"]);
  });

  it("keeps a named file with no bytes: someone chose an empty file", () => {
    const data = new FormData();
    data.append("evidence", new File([], "empty.txt"));
    expect((formDataToObject(data).evidence as File).name).toBe("empty.txt");
  });
});

describe("fileSchema", () => {
  const Schema = z.object({ evidence: fileSchema({ maxBytes: 1024 * 1024 }), extra: fileSchema({ required: false }) });

  it("accepts a file within the limit, and an optional one left out", () => {
    expect(Schema.safeParse({ evidence: pdf(1024 * 1024) }).success).toBe(true);
  });

  it("says required, empty or too large, with the limit in megabytes", () => {
    const errors = (value: unknown) => {
      const parsed = Schema.safeParse({ evidence: value });
      return parsed.success ? {} : fieldErrorsFrom(parsed.error);
    };
    expect(errors(undefined).evidence).toMatchObject({ key: "validation.required" });
    expect(errors(new File([], "empty.txt")).evidence).toMatchObject({ key: "limits.fileEmpty" });
    expect(errors(pdf(1024 * 1024 + 1)).evidence).toEqual({ key: "limits.fileTooLarge", values: { max: 1 } });
    expect(errors("not a file").evidence).toMatchObject({ key: "validation.required" });
  });

  it("defaults to FILE_MAX_BYTES", () => {
    expect(fileSchema().safeParse(pdf(FILE_MAX_BYTES)).success).toBe(true);
    expect(fileSchema().safeParse(pdf(FILE_MAX_BYTES + 1)).success).toBe(false);
  });
});

describe("files and echoes", () => {
  it("never echoes a file back, alone or in a list", () => {
    const Schema = z.object({ title: z.string().max(10), evidence: fileSchema(), attachments: z.array(fileSchema()) });
    expect(echoValues(Schema, { title: "Kept", evidence: pdf(), attachments: [pdf(), pdf()] })).toEqual({
      title: "Kept",
      attachments: [],
    });
  });
});

describe("helpers", () => {
  it("shows megabytes with one decimal, never 0", () => {
    expect(megabytes(FILE_MAX_BYTES)).toBe(10);
    expect(megabytes(512 * 1024)).toBe(0.5);
    expect(megabytes(1)).toBe(0.1);
  });

  it("tells an empty file input from an empty file", () => {
    expect(isEmptyFileInput(emptyInput())).toBe(true);
    expect(isEmptyFileInput(new File([], "empty.txt"))).toBe(false);
    expect(isFile("text")).toBe(false);
  });
});
