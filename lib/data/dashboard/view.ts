import "server-only";
// Which figures the dashboard shows: the URL's plan, "as of" period, pillar, objective, agency
// and the switch for submitted updates, each checked against the tenant's own data (an id of
// another tenant's, or of nothing, falls back to the default, as a mistyped URL should).
import { toIsoDay } from "@/lib/domain/day";
import { PILLARS, isOneOf } from "@/lib/domain/enums";
import { toTexts } from "@/lib/domain/texts";
import type { DashboardPeriod, DashboardView, PillarKey } from "@/lib/domain/types/dashboard";
import type { TenantContext } from "../context";
import type { Tx } from "../door";
import { resolvePlan } from "../activity-queries/sql";
import { seesWork } from "../reporting/updates/rows";

export interface DashboardArgs {
  plan?: string | null;
  asOf?: string | null;
  pillar?: string | null;
  objective?: string | null;
  agency?: string | null;
  submitted?: boolean;
}

const PILLAR_KEYS: readonly PillarKey[] = [...PILLARS, "NONE"];

/** Everyone who sees work in progress (the report page's rule, one function) may count submitted updates. */
export const canSeeSubmitted = seesWork;

const toPeriod = (p: {
  id: string;
  label: unknown;
  startDate: Date;
  endDate: Date;
  dueDate: Date;
}): DashboardPeriod => ({
  id: p.id,
  label: toTexts(p.label),
  startDate: toIsoDay(p.startDate),
  endDate: toIsoDay(p.endDate),
  dueDate: toIsoDay(p.dueDate),
});

export async function resolveView(
  tx: Tx,
  ctx: TenantContext,
  args: DashboardArgs,
  today: Date,
): Promise<DashboardView> {
  const tenantId = ctx.tenant.id;
  const todayIso = toIsoDay(today);
  const { plan } = await resolvePlan(tx, ctx, args.plan ?? null);
  const mayCount = canSeeSubmitted(ctx);
  const empty: DashboardView = {
    plan: null,
    periods: [],
    asOf: null,
    previous: null,
    pillar: null,
    objectiveId: null,
    agencyId: null,
    submitted: false,
    day: todayIso,
    today: todayIso,
    canSeeSubmitted: mayCount,
  };
  if (!plan) return empty;
  const [periods, objective, agency] = await Promise.all([
    tx.reportingPeriod.findMany({
      where: { tenantId, planId: plan.id },
      select: { id: true, label: true, startDate: true, endDate: true, dueDate: true, opensOn: true },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
    }),
    args.objective
      ? tx.objective.findFirst({
          where: { id: args.objective, tenantId, planId: plan.id, archivedAt: null, section: { archivedAt: null } },
          select: { id: true, section: { select: { pillar: true } } },
        })
      : null,
    args.agency ? tx.agency.findFirst({ where: { id: args.agency, tenantId }, select: { id: true } }) : null,
  ]);
  const chosen =
    periods.find((p) => p.id === args.asOf) ?? periods.filter((p) => p.opensOn <= today).at(-1) ?? periods[0] ?? null;
  const index = chosen ? periods.indexOf(chosen) : -1;
  const asOf = chosen ? toPeriod(chosen) : null;
  // The objective decides the pillar (a drill-down link carries both; a hand-made URL may not).
  const pillar: PillarKey | null = objective
    ? (objective.section.pillar ?? "NONE")
    : isOneOf(PILLAR_KEYS, args.pillar)
      ? args.pillar
      : null;
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      startDate: toIsoDay(plan.startDate),
      endDate: toIsoDay(plan.endDate),
    },
    periods: periods.map(toPeriod),
    asOf,
    previous: index > 0 ? toPeriod(periods[index - 1]) : null,
    pillar,
    objectiveId: objective?.id ?? null,
    agencyId: agency?.id ?? null,
    submitted: mayCount && Boolean(args.submitted),
    day: asOf && asOf.endDate < todayIso ? asOf.endDate : todayIso,
    today: todayIso,
    canSeeSubmitted: mayCount,
  };
}
