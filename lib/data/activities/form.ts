import "server-only";
// What the activity form reads: the choices it offers, the activity to edit, whether a code is free.
import { byText, readingOf, toTexts } from "@/lib/domain/texts";
import { suggestNextCode } from "@/lib/domain/codes";
import { toIsoDay } from "@/lib/domain/day";
import { NotFoundError } from "@/lib/domain/errors";
import type { ActivityForEdit, ActivityFormOptions } from "@/lib/domain/types/activities";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import { indicatorSelect, toIndicatorForEdit } from "../indicators";
import { activitySelect, codeFree, hasHistory, toSnapshot } from "./shared";

/** What the activity form chooses from. Archived agencies appear only when `keepAgencyIds` still uses them. */
export async function getActivityFormOptions(
  ctx: TenantContext,
  planId: string,
  keepAgencyIds: string[] = [],
): Promise<ActivityFormOptions> {
  return withTenant(ctx, "plans.manage", async (tx) => {
    const tenantId = ctx.tenant.id;
    const plan = await tx.plan.findFirst({
      where: { id: planId, tenantId, archivedAt: null },
      select: { id: true, title: true, status: true, startDate: true, endDate: true },
    });
    if (!plan) throw new NotFoundError("plan");
    const [objectives, agencies, codes] = await Promise.all([
      tx.objective.findMany({
        where: { tenantId, planId, archivedAt: null },
        select: { id: true, code: true, title: true },
        orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
      }),
      tx.agency.findMany({
        where: { tenantId, OR: [{ archivedAt: null }, { id: { in: keepAgencyIds } }] },
        select: { id: true, name: true, shortName: true, archivedAt: true },
      }),
      tx.activity.findMany({ where: { tenantId, planId }, select: { code: true } }),
    ]);
    const used = codes.map((c) => c.code);
    return {
      plan: {
        ...plan,
        title: toTexts(plan.title),
        startDate: toIsoDay(plan.startDate),
        endDate: toIsoDay(plan.endDate),
      },
      objectives: objectives.map((o) => ({
        ...o,
        title: toTexts(o.title),
        nextCode: suggestNextCode(o.code, used),
      })),
      agencies: byText(
        agencies.map(({ archivedAt, ...a }) => ({
          ...a,
          name: toTexts(a.name),
          shortName: toTexts(a.shortName),
          archived: Boolean(archivedAt),
        })),
        (a) => a.name,
        readingOf(ctx.tenant),
      ),
    };
  });
}

export async function getActivityForEdit(ctx: TenantContext, id: string): Promise<ActivityForEdit> {
  return withTenant(ctx, "plans.manage", async (tx) => {
    const row = await tx.activity.findFirst({
      where: { id, tenantId: ctx.tenant.id, plan: { archivedAt: null } },
      select: {
        ...activitySelect,
        plan: { select: { status: true } },
        indicators: { select: indicatorSelect, orderBy: { position: "asc" } },
      },
    });
    if (!row) throw new NotFoundError("activity");
    const history = await hasHistory(
      tx,
      ctx,
      id,
      row.indicators.map((i) => i.id),
    );
    return {
      ...toSnapshot(row),
      id: row.id,
      planId: row.planId,
      planStatus: row.plan.status,
      version: row.version,
      archived: Boolean(row.archivedAt),
      canDelete: !history,
      indicators: row.indicators.map(toIndicatorForEdit),
    };
  });
}

/** Codes are unique within a plan, whatever their case; archived activities keep theirs. */
export async function isActivityCodeFree(
  ctx: TenantContext,
  planId: string,
  code: string,
  exceptActivityId?: string | null,
): Promise<boolean> {
  return withTenant(ctx, "plans.manage", async (tx) => {
    const plan = await tx.plan.findFirst({ where: { id: planId, tenantId: ctx.tenant.id }, select: { id: true } });
    if (!plan) throw new NotFoundError("plan");
    return codeFree(tx, ctx, planId, code, exceptActivityId);
  });
}
