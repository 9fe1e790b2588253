import { describe, expect, it } from "vitest";
import { isBodySizeError, isFormTooLarge, kilobytes, measureForm, utf8Bytes } from "./form-size";
import { FORM_FIELDS_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "./limits";

describe("measureForm", () => {
  it("counts text as UTF-8 bytes and files by size, and names the largest field", () => {
    expect(utf8Bytes("Ашхабад")).toBe(14);
    const size = measureForm([["title", "Ашхабад"], ["note", "ab"], ["file", { size: 5000, name: "a.pdf" }], ["note", "cd"]]);
    expect(size.largest).toEqual({ name: "file", bytes: 5005 });
    expect(size.bytes).toBeGreaterThan(14 + 4 + 5005);
    expect(size.bytes).toBeLessThan(14 + 4 + 5005 + 4 * 150);
  });

  it("refuses a form over the fields' limit, which leaves room for what else the request carries", () => {
    expect(FORM_FIELDS_LIMIT_BYTES).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES);
    const justUnder = measureForm([["t", "x".repeat(FORM_FIELDS_LIMIT_BYTES - 200)]]);
    expect(isFormTooLarge(justUnder)).toBe(false);
    expect(isFormTooLarge(measureForm([["t", "x".repeat(FORM_FIELDS_LIMIT_BYTES)]]))).toBe(true);
    // Two-byte letters count twice.
    expect(isFormTooLarge(measureForm([["t", "ж".repeat(FORM_FIELDS_LIMIT_BYTES / 2 + 1)]]))).toBe(true);
  });

  it("reads kilobytes rounding up", () => {
    expect(kilobytes(1)).toBe(1);
    expect(kilobytes(1024 * 1024)).toBe(1024);
  });
});

describe("isBodySizeError", () => {
  it("recognises Next's and the proxy's body-size refusal, nothing else", () => {
    expect(isBodySizeError(new Error("Body exceeded 1mb limit.\nTo configure the body size limit for Server Actions, see: …"))).toBe(true);
    expect(isBodySizeError(new Error("An error occurred in the Server Components render."))).toBe(false);
    expect(isBodySizeError("Body exceeded 1mb limit")).toBe(false);
  });
});
