// Turns one plan of the content into rows: plan, periods, sections, objectives, activities with
// partners and indicators, and the progress reporting of each activity (updates.ts).
import type { Prisma } from "@/generated/prisma/client";
import { buildPeriods } from "./periods";
import type { DemoRows } from "./builder";
import { textsOf, type Texts } from "@/lib/domain/texts";
import { S, S_RU, type IndicatorSpec, type PlanSpec } from "./types";
import { reportActivity } from "./updates";
import { newId, parseEnd, parseStart } from "./util";

export interface TenantContext {
  tenantId: string;
  agencyIds: Map<string, string>;
  planIds: Map<string, string>;
  /** Authors updates of activities whose lead agency has no focal point. */
  reporterId: string | null;
  reviewerId: string | null;
  /** agency key -> the user who reports for it. */
  focalPoints: Map<string, string>;
  today: Date;
}

function agencyId(ctx: TenantContext, key: string): string {
  const id = ctx.agencyIds.get(key);
  if (!id) throw new Error(`demo content: unknown agency "${key}" in tenant ${ctx.tenantId}`);
  return id;
}

function indicatorRow(
  ctx: TenantContext,
  spec: IndicatorSpec,
  position: number,
  owner: { activityId?: string; objectiveId?: string },
): Prisma.IndicatorCreateManyInput {
  return {
    id: newId(),
    tenantId: ctx.tenantId,
    ...owner,
    name: texts(spec.name, spec.ru),
    unit: spec.unit ?? "NUMBER",
    unitLabel: texts(spec.label, spec.labelRu),
    baseline: spec.baseline ?? null,
    baselineYear: spec.baselineYear ?? null,
    baselineSource: texts(spec.source, spec.sourceRu ?? (spec.source === S ? S_RU : undefined)),
    target: spec.target ?? null,
    targetYear: spec.targetYear ?? null,
    direction: spec.direction ?? "INCREASE",
    valueKind: spec.valueKind ?? "CUMULATIVE",
    disaggregation: spec.bySex ? [{ dimension: "sex", categories: ["female", "male"] }] : undefined,
    position,
  };
}

/** Content in English and Russian as the app stores it: { en, ru }, empty texts left out. */
export const texts = (en: string | null | undefined, ru?: string | null): Texts => ({
  ...textsOf("en", en),
  ...textsOf("ru", ru),
});

/** The activity's expected results, said from its indicators' targets, in English and in Russian. */
function expectedResults(indicators: IndicatorSpec[] | undefined): Texts {
  const say = (lang: "en" | "ru") =>
    (indicators ?? [])
      .map((i) => {
        const name = lang === "en" ? i.name : i.ru;
        if (i.unit === "YES_NO" || i.target === undefined) return `${name}.`;
        const unit = i.unit === "PERCENT" ? "%" : "";
        const by = i.targetYear ? (lang === "en" ? ` by ${i.targetYear}` : ` к ${i.targetYear} г.`) : "";
        return `${name}: ${i.target.toLocaleString(lang === "en" ? "en-US" : "ru-RU")}${unit}${by}.`;
      })
      .join(" ");
  return texts(say("en"), say("ru"));
}

export function addPlan(rows: DemoRows, ctx: TenantContext, spec: PlanSpec): void {
  const { tenantId } = ctx;
  const planId = newId();
  ctx.planIds.set(spec.key, planId);
  const start = parseStart(spec.start);
  const end = parseEnd(spec.end);
  const predecessorId = spec.predecessor ? ctx.planIds.get(spec.predecessor) : null;
  if (spec.predecessor && !predecessorId) throw new Error(`demo content: plan ${spec.key} before its predecessor`);
  rows.plans.push({
    id: planId,
    tenantId,
    title: texts(spec.title, spec.ru),
    description: texts(spec.description, spec.descriptionRu),
    startDate: start,
    endDate: end,
    status: spec.status,
    predecessorId,
  });

  const periods = buildPeriods(spec.cadence, start, end, ctx.today).map((p) => ({ id: newId(), ...p }));
  for (const { status: _finished, ...p } of periods) rows.periods.push({ tenantId, planId, ...p });

  spec.sections.forEach((section, sectionPosition) => {
    const sectionId = newId();
    rows.sections.push({
      id: sectionId,
      tenantId,
      planId,
      code: section.code,
      title: texts(section.title, section.ru),
      pillar: section.pillar,
      position: sectionPosition,
    });
    section.objectives.forEach((objective, objectivePosition) => {
      const objectiveId = newId();
      rows.objectives.push({
        id: objectiveId,
        tenantId,
        planId,
        sectionId,
        code: objective.code,
        title: texts(objective.title, objective.ru),
        position: objectivePosition,
      });
      (objective.indicators ?? []).forEach((ind, i) =>
        rows.indicators.push(indicatorRow(ctx, ind, i, { objectiveId })),
      );

      objective.activities.forEach((act, activityPosition) => {
        if (!act.code.startsWith(`${objective.code}.`))
          throw new Error(`demo content: ${act.code} outside ${objective.code}`);
        const activityId = newId();
        const span = { start: parseStart(act.start), end: parseEnd(act.end) };
        const indicators = (act.indicators ?? []).map((ind, i) => ({
          spec: ind,
          row: indicatorRow(ctx, ind, i, { activityId }),
        }));
        const report = reportActivity(activityId, act, span, periods, {
          tenantId,
          authorId: (act.lead && ctx.focalPoints.get(act.lead)) || ctx.reporterId,
          reviewerId: ctx.reviewerId,
          today: ctx.today,
          indicators: indicators.map((i) => ({ id: i.row.id!, spec: i.spec })),
        });
        rows.activities.push({
          id: activityId,
          tenantId,
          planId,
          objectiveId,
          code: act.code,
          title: texts(act.title, act.ru),
          description: texts(act.description, act.descriptionRu),
          expectedResults: expectedResults(act.indicators),
          leadAgencyId: act.lead ? agencyId(ctx, act.lead) : null,
          plannedStart: span.start,
          plannedEnd: span.end,
          budget: act.budget ?? null,
          currency: act.currency ?? null,
          fundingSource: texts(act.funding, act.fundingRu),
          status: report.status,
          percentComplete: report.percent,
          position: activityPosition,
        });
        for (const key of act.partners ?? []) {
          rows.partners.push({ tenantId, activityId, agencyId: agencyId(ctx, key) });
        }
        rows.indicators.push(...indicators.map((i) => i.row));
        rows.updates.push(...report.updates);
        rows.values.push(...report.values);
      });
    });
  });
}
