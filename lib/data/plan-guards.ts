import "server-only";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { TenantContext } from "./context";
import type { Tx } from "./door";

export interface EditablePlan {
  id: string;
  startDate: Date;
  endDate: Date;
  status: "DRAFT" | "ACTIVE" | "CLOSED";
}

/**
 * The plan of this tenant, if its structure may still change: a closed plan is read-only.
 * Another tenant's plan, or an archived one, is NotFound.
 * Call inside the write's door (it takes the door's transaction, never opens one).
 */
export async function requireEditablePlan(tx: Tx, ctx: TenantContext, planId: string): Promise<EditablePlan> {
  // A shared lock on the plan's row until the write commits: closing the plan (an UPDATE of this
  // row) waits for the structure changes under way, and they for it, so no change lands in a
  // plan that was closed a moment before.
  await tx.$queryRaw`SELECT 1 FROM "Plan" WHERE "id" = ${planId} AND "tenantId" = ${ctx.tenant.id} FOR SHARE`;
  const plan = await tx.plan.findFirst({
    where: { id: planId, tenantId: ctx.tenant.id, archivedAt: null },
    select: { id: true, startDate: true, endDate: true, status: true },
  });
  if (!plan) throw new NotFoundError("plan");
  if (plan.status === "CLOSED") throw new RuleError("errors.planClosed");
  return plan;
}
