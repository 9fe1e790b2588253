import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it("picks the best supported language", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5,ru;q=0.4")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.2, ru;q=0.8")).toBe("ru");
  });
  it("gives null when nothing fits", () => {
    expect(localeFromAcceptLanguage("de,fr")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
