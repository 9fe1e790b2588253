import { describe, expect, it } from "vitest";
import {
  compareCodes,
  isChildCode,
  isValidActivityCode,
  isValidObjectiveCode,
  isValidSectionCode,
  normaliseCode,
  parentCode,
  suggestNextCode,
} from "./codes";

describe("normaliseCode", () => {
  it.each([
    ["2.1", "2.1"],
    [" 2.1 ", "2.1"],
    ["2. 1", "2.1"],
    ["2,1", "2.1"],
    ["2.1.", "2.1"],
    ["02.01", "2.1"],
    ["2.10", "2.10"],
    ["0", "0"],
    ["", ""],
  ])("%j -> %j", (raw, expected) => {
    expect(normaliseCode(raw)).toBe(expected);
  });
});

describe("code formats", () => {
  it("accepts section numbers", () => {
    for (const ok of ["1", "5", "12", " 3 "]) expect(isValidSectionCode(ok), ok).toBe(true);
    for (const bad of ["", "0", "1.1", "a", "1000", "-1"]) expect(isValidSectionCode(bad), bad).toBe(false);
  });

  it("accepts objective codes like 2.1", () => {
    for (const ok of ["2.1", "2.10", "12.3", "2,1", "2.1."]) expect(isValidObjectiveCode(ok), ok).toBe(true);
    for (const bad of ["", "2", "2.", ".1", "2.1.3", "2.0", "0.1", "2..1", "2.a", "A.1", "2.1000"])
      expect(isValidObjectiveCode(bad), bad).toBe(false);
  });

  it("accepts activity codes like 2.1.3", () => {
    for (const ok of ["2.1.3", "1.10.12", " 2.1.3 ", "02.1.3"]) expect(isValidActivityCode(ok), ok).toBe(true);
    for (const bad of ["", "2.1", "2.1.3.4", "2.1.0", "2.1.x", "2..3", "2.1.3a"])
      expect(isValidActivityCode(bad), bad).toBe(false);
  });
});

describe("compareCodes", () => {
  it("sorts naturally: 1.2 < 1.10", () => {
    expect(compareCodes("1.2", "1.10")).toBeLessThan(0);
    expect(["1.10", "1.2", "10.1", "2.1", "1.1"].sort(compareCodes)).toEqual(["1.1", "1.2", "1.10", "2.1", "10.1"]);
  });

  it("puts a parent before its children and treats equal codes as equal", () => {
    expect(["2.1.1", "2.1", "2"].sort(compareCodes)).toEqual(["2", "2.1", "2.1.1"]);
    expect(compareCodes("2.1", " 2.01 ")).toBe(0);
    expect(compareCodes("1.2.10", "1.2.9")).toBeGreaterThan(0);
  });
});

describe("parents and next codes", () => {
  it("knows the parent of a code", () => {
    expect(parentCode("2.1.3")).toBe("2.1");
    expect(parentCode("2.1")).toBe("2");
    expect(parentCode("2")).toBeNull();
    expect(isChildCode("2.1.3", "2.1")).toBe(true);
    expect(isChildCode("2.11.3", "2.1")).toBe(false);
    expect(isChildCode("2.1", "2.1")).toBe(false);
  });

  it("suggests the number after the highest in use", () => {
    expect(suggestNextCode("2", ["2.1", "2.3", "3.9", "2.1.4"])).toBe("2.4");
    expect(suggestNextCode("2.1", [])).toBe("2.1.1");
    expect(suggestNextCode(null, ["1", "2", "4"])).toBe("5");
    expect(suggestNextCode("2.1", ["2.1.9", "2.1.10"])).toBe("2.1.11");
  });
});
