import type { getTranslations } from "next-intl/server";
import { LOCALE_NAMES, isLocale } from "@/i18n/locales";

type T = Awaited<ReturnType<typeof getTranslations>>;

// Internal references that mean nothing to a reader.
const HIDDEN = new Set(["sessionId"]);

const count = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);
const localeName = (v: unknown, t: T) => (isLocale(v) ? LOCALE_NAMES[v] : v ? String(v) : t("securityEvents.noValue"));

function one(key: string, value: unknown, t: T): string | null {
  if (HIDDEN.has(key)) return null;
  switch (key) {
    case "seconds":
      return t("securityEvents.detail.seconds", { seconds: count(value) });
    case "attempts":
      return t("securityEvents.detail.attempts", { count: count(value) });
    case "otherSessionsEnded":
      return t("securityEvents.detail.otherSessionsEnded", { count: count(value) });
    case "sessionsEnded":
    case "sessions":
      return t("securityEvents.detail.sessionsEnded", { count: count(value) });
    case "validHours":
      return t("securityEvents.detail.validHours", { hours: count(value) });
    case "during":
      if (value === "passwordChange") return t("securityEvents.detail.duringPasswordChange");
      break;
    case "why":
      if (value === "disabled") return t("securityEvents.detail.whyDisabled");
      break;
  }
  const text =
    value === null || value === undefined
      ? t("securityEvents.noValue")
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return `${key}: ${text}`;
}

/** An event's details as a reader takes them in: "locked for 30 seconds; after 5 failed attempts". */
export function describeDetails(details: Record<string, unknown>, t: T): string {
  const { from, to, ...rest } = details;
  const parts =
    "to" in details ? [t("securityEvents.detail.locale", { from: localeName(from, t), to: localeName(to, t) })] : [];
  for (const [key, value] of Object.entries(rest)) {
    const text = one(key, value, t);
    if (text) parts.push(text);
  }
  return parts.join("; ");
}
