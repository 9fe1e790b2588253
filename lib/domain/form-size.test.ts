import { describe, expect, it } from "vitest";
import { formRefusal, isBodySizeError, kilobytes, measureForm, utf8Bytes } from "./form-size";
import {
  FILE_MAX_BYTES,
  FORM_FIELDS_LIMIT_BYTES,
  FORM_TEXT_LIMIT_BYTES,
  SERVER_ACTION_BODY_LIMIT_BYTES,
} from "./limits";

const file = (size: number, name = "evidence.pdf") => ({ size, name });

describe("measureForm", () => {
  it("counts text as UTF-8 bytes and files by size, and names the largest field", () => {
    expect(utf8Bytes("Ашхабад")).toBe(14);
    const size = measureForm([
      ["title", "Ашхабад"],
      ["note", "ab"],
      ["file", { size: 5000, name: "a.pdf" }],
      ["note", "cd"],
    ]);
    expect(size.largest).toEqual({ name: "file", bytes: 5005 });
    expect(size.bytes).toBeGreaterThan(14 + 4 + 5005);
    expect(size.bytes).toBeLessThan(14 + 4 + 5005 + 4 * 150);
  });

  it("counts text apart from files, and names the largest text field", () => {
    const size = measureForm([
      ["title", "abc"],
      ["file", file(5000)],
      ["note", "defgh"],
    ]);
    expect(size.textBytes).toBe(8);
    expect(size.largestText).toEqual({ name: "note", bytes: 5 });
  });

  it("refuses a form whose text is over the text limit, even though the body limit is far larger", () => {
    expect(FORM_TEXT_LIMIT_BYTES).toBeLessThan(1024 * 1024);
    expect(formRefusal(measureForm([["t", "x".repeat(FORM_TEXT_LIMIT_BYTES - 200)]]))).toBeNull();
    expect(formRefusal(measureForm([["t", "x".repeat(FORM_TEXT_LIMIT_BYTES + 1)]]))).toEqual({
      reason: "text",
      bytes: FORM_TEXT_LIMIT_BYTES + 1,
      limit: FORM_TEXT_LIMIT_BYTES,
      largest: { name: "t", bytes: FORM_TEXT_LIMIT_BYTES + 1 },
    });
    // Two-byte letters count twice.
    expect(formRefusal(measureForm([["t", "ж".repeat(FORM_TEXT_LIMIT_BYTES / 2 + 1)]]))?.reason).toBe("text");
    // Text is told first, even when files also break the total.
    expect(
      formRefusal(
        measureForm([
          ["t", "x".repeat(FORM_TEXT_LIMIT_BYTES + 1)],
          ["f", file(FORM_FIELDS_LIMIT_BYTES)],
        ]),
      )?.reason,
    ).toBe("text");
  });

  it("lets a file of the largest allowed size through with a full text, and refuses files over the total", () => {
    const full = measureForm([
      ["t", "x".repeat(FORM_TEXT_LIMIT_BYTES)],
      ["f", file(FILE_MAX_BYTES)],
    ]);
    expect(formRefusal(full)).toBeNull();
    const refusal = formRefusal(
      measureForm([
        ["t", "short"],
        ["f", file(FORM_FIELDS_LIMIT_BYTES)],
      ]),
    );
    expect(refusal).toMatchObject({ reason: "total", limit: FORM_FIELDS_LIMIT_BYTES, largest: { name: "f" } });
  });

  it("keeps the bounds inside Next's body limit, with room for the echoed text of the previous form state", () => {
    expect(FILE_MAX_BYTES + FORM_TEXT_LIMIT_BYTES).toBeLessThan(FORM_FIELDS_LIMIT_BYTES);
    expect(FORM_FIELDS_LIMIT_BYTES + FORM_TEXT_LIMIT_BYTES).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it("reads kilobytes rounding up", () => {
    expect(kilobytes(1)).toBe(1);
    expect(kilobytes(1024 * 1024)).toBe(1024);
  });
});

describe("isBodySizeError", () => {
  it("recognises Next's and the proxy's body-size refusal, nothing else", () => {
    expect(
      isBodySizeError(
        new Error("Body exceeded 12mb limit.\nTo configure the body size limit for Server Actions, see: …"),
      ),
    ).toBe(true);
    expect(isBodySizeError(new Error("An error occurred in the Server Components render."))).toBe(false);
    expect(isBodySizeError("Body exceeded 1mb limit")).toBe(false);
  });
});
