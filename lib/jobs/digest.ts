// The daily digest: one plain-text email per person per day, in the person's language, listing
// the day's notifications. Each line links to the notification in the app (opening it marks it
// read and goes on to where it leads); links are built from APP_URL, never from a request.
// No token or secret ever goes into a message: a link says where, the app asks who.
// next-intl's own core (the package next-intl is built on): no React, so it runs in a job too.
import { createTranslator } from "use-intl/core";
import { messagesFor } from "@/i18n/messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";
import { notificationText } from "@/lib/domain/notification-text";
import type { NotificationPayload } from "@/lib/domain/notifications";
import { readingOf, textOf, type Texts } from "@/lib/domain/texts";
import { absoluteUrl } from "@/lib/server/app-url";

export interface DigestInput {
  /** The person's saved language, else the tenant's default. */
  locale: string | null;
  tenantDefaultLocale: string;
  tenant: { slug: string; name: Texts; contentLanguages: readonly string[] };
  name: string;
  items: { id: string; kind: string; payload: NotificationPayload }[];
}

/** The language a person's mail is written in: theirs, else the tenant's, else English. */
export function mailLocale(userLocale: string | null, tenantDefault: string): Locale {
  if (isLocale(userLocale)) return userLocale;
  if (isLocale(tenantDefault)) return tenantDefault;
  return DEFAULT_LOCALE;
}

export function composeDigest(input: DigestInput): { subject: string; body: string; locale: Locale } {
  const locale = mailLocale(input.locale, input.tenantDefaultLocale);
  const messages = messagesFor(locale);
  // Keys are checked by the messages' own parity test; here they are plain strings.
  const tr = createTranslator({ locale, messages }) as unknown as (key: string, values?: object) => string;
  const t = (key: string, values?: object) => tr(`notifications.${key}`, values);
  const tDigest = (key: string, values?: object) => tr(`digest.${key}`, values);
  const reading = readingOf(input.tenant, locale);
  const days = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const formatDay = (day: string) => days.format(new Date(`${day}T00:00:00Z`));
  const tenantName = textOf(input.tenant.name, reading) || input.tenant.slug;
  const count = input.items.length;
  const lines = input.items.map((n) => {
    const text = notificationText(t, n.kind, n.payload, reading, formatDay);
    return `- ${text}\n  ${absoluteUrl(`/${input.tenant.slug}/notifications/${n.id}`)}`;
  });
  const body = [
    tDigest("greeting", { name: input.name }),
    "",
    tDigest("intro", { count, tenant: tenantName }),
    "",
    ...lines,
    "",
    tDigest("all", { link: absoluteUrl(`/${input.tenant.slug}/notifications`) }),
    "",
    tDigest("footer"),
  ].join("\n");
  return { subject: tDigest("subject", { count, tenant: tenantName }), body, locale };
}
