import "server-only";
// The notifications an update's steps write, in the step's own transaction.
import type { NotificationPayload } from "@/lib/domain/notifications";
import { toTexts } from "@/lib/domain/texts";
import type { TenantContext } from "../../context";
import { type Tx } from "../../door";
import { focalPointsOf, notify, reviewersOf, type NotificationInput } from "../../notifications";
import { type PeriodRow } from "../shared";

import { type ActivityForReport, type UpdateRow } from "./rows";
import type { ReviewAction } from "./steps";

// Notifications --------------------------------------------------------------------------------

export function payloadOf(
  activity: ActivityForReport,
  period: { label: unknown },
  extra: Partial<NotificationPayload> = {},
) {
  return {
    activityCode: activity.code,
    activity: toTexts(activity.title) as Record<string, string>,
    period: toTexts(period.label) as Record<string, string>,
    ...extra,
  } satisfies NotificationPayload;
}

export const reportLink = (activityId: string, periodId: string) =>
  `/activities/${activityId}/report?period=${periodId}`;

export async function notifySubmitted(
  tx: Tx,
  ctx: TenantContext,
  activity: ActivityForReport,
  period: PeriodRow,
  updateId: string,
  agencySignOff: boolean,
  today: Date,
) {
  const recipients =
    agencySignOff && activity.leadAgencyId
      ? await focalPointsOf(tx, ctx.tenant.id, activity.leadAgencyId, { primaryOnly: true, today })
      : await reviewersOf(tx, ctx.tenant.id);
  const kind = agencySignOff ? "update.signOffNeeded" : "update.submitted";
  const payload = payloadOf(activity, period, { by: ctx.user.name });
  await notify(
    tx,
    ctx.tenant.id,
    recipients
      .filter((u) => u !== ctx.user.id)
      .map((userId): NotificationInput => ({ userId, kind, payload, link: reportLink(activity.id, period.id) })),
  );
  void updateId;
}

export async function notifyStep(
  tx: Tx,
  ctx: TenantContext,
  action: ReviewAction,
  row: UpdateRow & { period: PeriodRow },
  activity: ActivityForReport,
  comment: string | null,
  today: Date,
) {
  const link = reportLink(activity.id, row.periodId);
  const payload = payloadOf(activity, row.period, { by: ctx.user.name, ...(comment ? { comment } : {}) });
  let recipients: string[];
  let kind: NotificationInput["kind"];
  if (action === "signOff") {
    recipients = await reviewersOf(tx, ctx.tenant.id);
    kind = "update.submitted";
  } else {
    // The person who submitted (and wrote) it, and the agency's primary focal points.
    const agency = activity.leadAgencyId
      ? await focalPointsOf(tx, ctx.tenant.id, activity.leadAgencyId, { primaryOnly: true, today })
      : [];
    recipients = [row.submittedById, row.authorId, ...agency].filter((u): u is string => Boolean(u));
    kind = action === "approve" ? "update.approved" : action === "return" ? "update.returned" : "update.reopened";
  }
  const unique = [...new Set(recipients)].filter((u) => u !== ctx.user.id);
  await notify(
    tx,
    ctx.tenant.id,
    unique.map((userId) => ({ userId, kind, payload, link })),
  );
}
