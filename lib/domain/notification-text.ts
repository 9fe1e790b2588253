// A notification written in the reader's language from its kind and payload: no sentence is
// stored, so the bell, its page and the daily digest say the same thing in each person's language.
// Pure: the caller hands in its translator (next-intl's, in a page or in a job) and how it reads
// content (the reader's language, then the tenant's).
import type { NotificationKind, NotificationPayload } from "./notifications";
import { NOTIFICATION_KINDS } from "./notifications";
import { textOf, type Reading } from "./texts";

/** The values a kind's message may name; each is text ready to show. */
export interface NotificationValues {
  period: string;
  activity: string;
  comment: string;
  by: string;
  day: string;
  [key: string]: string;
}

type Translate = (key: string, values: NotificationValues) => string;

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * The values of a payload for the reader: the period label and the activity's title in the
 * reader's language (the activity prefixed by its code), the day formatted by `formatDay`.
 */
export function notificationValues(
  payload: NotificationPayload,
  reading: Reading,
  formatDay: (day: string) => string,
): NotificationValues {
  const title = textOf(payload.activity ?? {}, reading);
  return {
    period: textOf(payload.period ?? {}, reading),
    activity: [payload.activityCode, title].filter(Boolean).join(" "),
    comment: payload.comment ?? "",
    by: payload.by ?? "",
    day: payload.day ? formatDay(payload.day) : "",
  };
}

/** The sentence for one notification (messages: notifications.kinds.<kind>); unknown kinds get a generic one. */
export function notificationText(
  t: Translate,
  kind: string,
  payload: NotificationPayload,
  reading: Reading,
  formatDay: (day: string) => string,
): string {
  const values = notificationValues(payload, reading, formatDay);
  // Who acted, when the payload does not say (written before it did): never a sentence without a subject.
  if (!values.by) values.by = t("kinds.someone", values);
  return isNotificationKind(kind) ? t(`kinds.${kind}`, values) : t("kinds.unknown", values);
}
