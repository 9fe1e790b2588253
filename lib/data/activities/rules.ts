import "server-only";
// The activity rules that read other rows (the objective, the agencies, the codes in use), each
// reporting on its own fields, so one answer carries every violation: the writes collect them with
// the rules across fields, and a form that failed its schema hears them for the fields that parsed.
import { ACTIVITY_REASON_FIELDS, changesNeedingReason, type ActivitySnapshot } from "@/lib/domain/activity-rules";
import { isChildCode } from "@/lib/domain/codes";
import type { MessageRef } from "@/lib/domain/errors";
import type { TenantContext } from "../context";
import { withTenant, type Tx } from "../door";
import { requireEditablePlan } from "../plan-guards";
import { activitySelect, CODE_TAKEN, codeFree, toSnapshot } from "./shared";

type Fields = Partial<ActivitySnapshot>;

/**
 * The objective must be a live one of this plan, with the code under its own; agencies newly named
 * must be live ones of this tenant; a changed code must be free in the plan. Only the fields given
 * are checked; `before` is the saved activity when editing.
 */
export async function referenceErrors(
  tx: Tx,
  ctx: TenantContext,
  planId: string,
  s: Fields,
  before?: ActivitySnapshot,
): Promise<Record<string, MessageRef>> {
  const tenantId = ctx.tenant.id;
  const errors: Record<string, MessageRef> = {};
  if (s.objectiveId !== undefined && (s.objectiveId !== before?.objectiveId || s.code !== before.code)) {
    // An activity is numbered under its objective: 2.1.3 belongs to 2.1.
    const objective = await tx.objective.findFirst({
      where: { id: s.objectiveId, tenantId, planId, archivedAt: null },
      select: { code: true },
    });
    if (!objective) errors.objectiveId = { key: "activityForm.validation.objective" };
    else if (s.code !== undefined && !isChildCode(s.code, objective.code))
      errors.code = { key: "activityForm.validation.codeNotUnderObjective", values: { objective: objective.code } };
  }
  const alreadyUsed = new Set([before?.leadAgencyId, ...(before?.partnerAgencyIds ?? [])]);
  const lead = s.leadAgencyId ?? null;
  const partners = s.partnerAgencyIds ?? [];
  const added = [lead, ...partners].filter((id): id is string => id !== null && !alreadyUsed.has(id));
  if (added.length) {
    const live = new Set(
      (
        await tx.agency.findMany({ where: { tenantId, archivedAt: null, id: { in: added } }, select: { id: true } })
      ).map((a) => a.id),
    );
    if (lead && added.includes(lead) && !live.has(lead))
      errors.leadAgencyId = { key: "activityForm.validation.agency" };
    if (partners.some((id) => added.includes(id) && !live.has(id)))
      errors.partnerAgencyIds = { key: "activityForm.validation.agency" };
  }
  // Only a changed code can clash (a change of case alone keeps the activity's own code).
  const code = s.code;
  if (
    code !== undefined &&
    !errors.code &&
    code.toLowerCase() !== before?.code.toLowerCase() &&
    !(await codeFree(tx, ctx, planId, code))
  )
    Object.assign(errors, CODE_TAKEN);
  return errors;
}

/** Re-planning a value that was set (dates, lead) needs a reason; the error sits on the reason field. */
export function reasonErrors(
  saved: ActivitySnapshot,
  mine: Fields,
  reason: string | null | undefined,
): Record<string, MessageRef> {
  const given = ACTIVITY_REASON_FIELDS.filter((f) => f in mine);
  const changed = changesNeedingReason(saved, { ...saved, ...mine }, given);
  return changed.length && !reason?.trim() ? { reason: { key: "activityForm.validation.reasonRequired" } } : {};
}

/**
 * For a create or edit form that failed its schema: the rules above on the fields that parsed.
 * Reads only; answers through the same door and permission as the write would.
 */
export async function activityRuleErrors(
  ctx: TenantContext,
  target: { planId?: unknown; activityId?: unknown },
  fields: Fields & { reason?: string | null },
): Promise<Record<string, MessageRef>> {
  return withTenant(ctx, "plans.manage", async (tx) => {
    if (typeof target.activityId === "string") {
      const row = await tx.activity.findFirst({
        where: { id: target.activityId, tenantId: ctx.tenant.id },
        select: activitySelect,
      });
      if (!row) return {};
      const saved = toSnapshot(row);
      const { reason, ...mine } = fields;
      return {
        ...reasonErrors(saved, mine, reason),
        ...(await referenceErrors(tx, ctx, row.planId, mine, saved)),
      };
    }
    if (typeof target.planId !== "string") return {};
    await requireEditablePlan(tx, ctx, target.planId);
    return referenceErrors(tx, ctx, target.planId, fields);
  });
}
