import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { messagesFor } from "./messages";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";

// The language: the person's saved choice, then the cookie, then the browser, then English.
async function pickLocale(): Promise<Locale> {
  const user = await getSessionUser().catch(() => null);
  if (isLocale(user?.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await pickLocale();
  return {
    locale,
    timeZone: process.env.APP_TIME_ZONE ?? "UTC",
    messages: messagesFor(locale),
  };
});
