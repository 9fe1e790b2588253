// What the bell says: a closed list of kinds, each written in the reader's language from its
// payload (messages: notifications.kinds.<kind>). Pure.
export const NOTIFICATION_KINDS = [
  "period.opened",
  "period.dueSoon",
  "period.overdue",
  "update.submitted",
  "update.signOffNeeded",
  "update.returned",
  "update.approved",
  "update.reopened",
  "exception.granted",
  "handover.received",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification carries to be written in any language later (no sentence is stored). */
export interface NotificationPayload {
  /** The period's label in each language. */
  period?: Record<string, string>;
  activityCode?: string;
  /** The activity's title in each language. */
  activity?: Record<string, string>;
  /** A coordinator's comment or reason, as typed. */
  comment?: string;
  /** Who acted, by name. */
  by?: string;
  /** A day, "YYYY-MM-DD" (a due date, an exception's end). */
  day?: string;
}
