import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/i18n/messages";
import { notificationText } from "./notification-text";

const reading = { locale: "ru", languages: ["en", "ru"] as const };
const t = (locale: "en" | "ru") =>
  createTranslator({ locale, messages: messagesFor(locale), namespace: "notifications" });
const day = (iso: string) => iso;

describe("a notification's sentence", () => {
  it("names the period and activity in the reader's language, and who acted", () => {
    const payload = {
      by: "Maral Annayeva",
      comment: "Add the list",
      activityCode: "2.1.3",
      activity: { en: "Victim register", ru: "Реестр жертв" },
      period: { en: "Q3 2026", ru: "III квартал 2026" },
    };
    expect(
      notificationText(
        t("ru") as never,
        "update.returned",
        payload,
        { ...reading, languages: [...reading.languages] },
        day,
      ),
    ).toBe("Maral Annayeva вернул(а) отчёт по мероприятию 2.1.3 Реестр жертв за III квартал 2026: «Add the list»");
  });

  it("never leaves a sentence without its subject when the payload does not say who acted", () => {
    const text = notificationText(
      t("en") as never,
      "exception.granted",
      { activityCode: "2.1.3", period: { en: "Q3 2026" }, day: "2026-12-15" },
      { locale: "en", languages: ["en"] },
      day,
    );
    expect(text).toBe("Someone allowed changes to 2.1.3 for Q3 2026 until 2026-12-15.");
  });
});
