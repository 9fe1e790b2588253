import { describe, expect, it } from "vitest";
import { byText, formLanguages, shownText, textOf, toTexts } from "./texts";

const en = { locale: "en", languages: ["en", "ru"] };
const ru = { locale: "ru", languages: ["en", "ru"] };

describe("shownText", () => {
  it("shows the reader's language when the field has it", () => {
    expect(shownText({ en: "Prevention", ru: "Профилактика" }, ru)).toEqual({
      text: "Профилактика",
      lang: "ru",
      fallback: false,
    });
    expect(shownText({ en: "Prevention", ru: "Профилактика" }, en)?.text).toBe("Prevention");
  });
  it("falls back to the tenant's languages in order, and says so", () => {
    expect(shownText({ en: "Prevention" }, ru)).toEqual({ text: "Prevention", lang: "en", fallback: true });
    expect(shownText({ tk: "Öňüni almak", ru: "Профилактика" }, { locale: "en", languages: ["tk", "ru"] })).toEqual({
      text: "Öňüni almak",
      lang: "tk",
      fallback: true,
    });
  });
  it("never hides text written in a language the tenant no longer lists", () => {
    expect(shownText({ kk: "Алдын алу" }, ru)).toEqual({ text: "Алдын алу", lang: "kk", fallback: true });
  });
  it("treats blank texts as missing, and an empty field as nothing", () => {
    expect(shownText({ ru: "  ", en: "Prevention" }, ru)?.lang).toBe("en");
    expect(shownText({}, ru)).toBeNull();
    expect(textOf(null, ru)).toBe("");
  });
});

describe("toTexts", () => {
  it("keeps known languages only, trimmed, in list order", () => {
    expect(toTexts({ ru: " Б ", xx: "?", en: "A", tk: "", uz: 3 })).toEqual({ en: "A", ru: "Б" });
    expect(Object.keys(toTexts({ ru: "Б", en: "A" }))).toEqual(["en", "ru"]);
    expect(toTexts("text")).toEqual({});
    expect(toTexts(["a"])).toEqual({});
  });
});

describe("formLanguages", () => {
  it("offers the tenant's languages, then any language the record already has", () => {
    expect(formLanguages(["en", "ru"])).toEqual(["en", "ru"]);
    expect(formLanguages(["tk", "ru"], { en: "Old English title" })).toEqual(["tk", "ru", "en"]);
    expect(formLanguages(["xx"])).toEqual(["en", "ru"]);
  });
});

describe("byText", () => {
  it("sorts by what the reader sees, in the reader's collation", () => {
    const items = [{ t: { en: "Beta", ru: "Альфа" } }, { t: { en: "Alpha", ru: "Бета" } }, { t: { en: "alpha 10" } }];
    expect(byText(items, (i) => i.t, en).map((i) => i.t.en)).toEqual(["Alpha", "alpha 10", "Beta"]);
    expect(byText(items, (i) => i.t, ru).map((i) => textOf(i.t, ru))).toEqual(["Альфа", "Бета", "alpha 10"]);
  });
});
