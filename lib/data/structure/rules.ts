import "server-only";
// For a section or objective form that failed its schema: the rules that read other rows (the
// code's form and whether it is free, the section an objective moves to) on the fields that
// parsed, so they are reported with the schema's errors. Reads only, through the write's door.
import type { MessageRef } from "@/lib/domain/errors";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import { requireEditablePlan } from "../plan-guards";
import { ruleErrorsOf } from "../rule-errors";
import { checkObjectiveCode, loadObjective, objectiveSectionErrors } from "./objectives";
import { checkSectionCode, loadSection } from "./sections";

const text = (v: unknown): v is string => typeof v === "string" && v.length > 0;

export interface StructureFields {
  planId?: unknown;
  sectionId?: unknown;
  objectiveId?: unknown;
  code?: unknown;
}

export function sectionRuleErrors(ctx: TenantContext, f: StructureFields): Promise<Record<string, MessageRef>> {
  return withTenant(ctx, "plans.manage", async (tx) => {
    if (!text(f.code)) return {};
    const code = f.code;
    if (text(f.sectionId)) {
      const section = await loadSection(tx, ctx, f.sectionId);
      return ruleErrorsOf(() => checkSectionCode(tx, ctx, section.planId, code, section.id));
    }
    if (!text(f.planId)) return {};
    const planId = f.planId;
    await requireEditablePlan(tx, ctx, planId);
    return ruleErrorsOf(() => checkSectionCode(tx, ctx, planId, code));
  });
}

export function objectiveRuleErrors(ctx: TenantContext, f: StructureFields): Promise<Record<string, MessageRef>> {
  return withTenant(ctx, "plans.manage", async (tx) => {
    const code = text(f.code) ? f.code : null;
    if (text(f.objectiveId)) {
      const before = await loadObjective(tx, ctx, f.objectiveId);
      return {
        ...(code ? await ruleErrorsOf(() => checkObjectiveCode(tx, ctx, before.planId, code, before.id)) : {}),
        ...(text(f.sectionId) ? await objectiveSectionErrors(tx, ctx, before, f.sectionId) : {}),
      };
    }
    if (!code || !text(f.sectionId)) return {};
    const section = await loadSection(tx, ctx, f.sectionId);
    return ruleErrorsOf(() => checkObjectiveCode(tx, ctx, section.planId, code));
  });
}
