import { afterEach, describe, expect, it } from "vitest";
import { isIsoDay, parseIsoDay, startOfUtcDay, toIsoDay } from "./day";

describe("toIsoDay", () => {
  it("reads a stored calendar day without shifting it", () => {
    expect(toIsoDay(new Date("2025-06-30T00:00:00Z"))).toBe("2025-06-30");
  });
  it("takes the UTC day of a moment, late or early in the day", () => {
    expect(toIsoDay(new Date("2025-06-30T23:59:59.999Z"))).toBe("2025-06-30");
    expect(toIsoDay(new Date("2025-07-01T00:00:00+05:00"))).toBe("2025-06-30");
  });
  it("pads years, months and days to their width", () => {
    expect(toIsoDay(parseIsoDay("0999-01-02"))).toBe("0999-01-02");
  });
  it("refuses an invalid date rather than printing one", () => {
    expect(() => toIsoDay(new Date("nope"))).toThrow(RangeError);
    expect(() => toIsoDay(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
  });
});

describe("isIsoDay", () => {
  it.each(["2025-06-30", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])("accepts %s", (v) => {
    expect(isIsoDay(v)).toBe(true);
  });
  it.each([
    "2025-02-29", // not a leap year
    "1900-02-29", // nor is 1900
    "2025-02-30",
    "2025-13-01",
    "2025-00-10",
    "2025-06-00",
    "2025-6-30",
    "25-06-30",
    " 2025-06-30",
    "2025-06-30T00:00:00Z",
    "30.06.2025",
    "",
  ])("refuses %j", (v) => {
    expect(isIsoDay(v)).toBe(false);
  });
  it("refuses what is not a string", () => {
    expect(isIsoDay(null)).toBe(false);
    expect(isIsoDay(undefined)).toBe(false);
    expect(isIsoDay(new Date())).toBe(false);
  });
});

describe("parseIsoDay", () => {
  it("gives midnight UTC, the way the date columns store it", () => {
    expect(parseIsoDay("2025-06-30")).toEqual(new Date("2025-06-30T00:00:00Z"));
  });
  it("keeps years below 100 (Date.UTC would read 0050 as 1950)", () => {
    expect(parseIsoDay("0050-03-01").getUTCFullYear()).toBe(50);
  });
  it("round-trips with toIsoDay", () => {
    for (const v of ["2025-01-01", "2025-12-31", "2028-02-29"]) expect(toIsoDay(parseIsoDay(v))).toBe(v);
  });
  it("throws on a day that does not exist", () => {
    expect(() => parseIsoDay("2025-02-30")).toThrow(RangeError);
  });
});

describe("startOfUtcDay", () => {
  it("drops the time, in UTC", () => {
    expect(startOfUtcDay(new Date("2025-06-30T23:59:59Z"))).toEqual(new Date("2025-06-30T00:00:00Z"));
    expect(startOfUtcDay(new Date("2025-06-30T00:30:00+02:00"))).toEqual(new Date("2025-06-29T00:00:00Z"));
  });
});

describe("in any time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  // Node reads TZ again when it changes: the day must not move east or west of Greenwich.
  it.each(["Pacific/Honolulu", "Asia/Ashgabat", "Pacific/Kiritimati"])("keeps the day in %s", (zone) => {
    process.env.TZ = zone;
    const day = parseIsoDay("2025-06-30");
    expect(day.toISOString()).toBe("2025-06-30T00:00:00.000Z");
    expect(toIsoDay(day)).toBe("2025-06-30");
    expect(toIsoDay(startOfUtcDay(new Date("2025-06-30T23:30:00Z")))).toBe("2025-06-30");
  });
});
