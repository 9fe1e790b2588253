"use server";

import { revalidatePath } from "next/cache";
import type { TenantContext } from "@/lib/data/context";
import {
  archiveObjective,
  archiveSection,
  createObjective,
  createSection,
  deleteObjective,
  deleteSection,
  moveActivity,
  moveObjective,
  moveSection,
  objectiveRuleErrors,
  sectionRuleErrors,
  updateObjective,
  updateSection,
} from "@/lib/data/structure";
import {
  CreateObjectiveSchema,
  CreateSectionSchema,
  MoveActivitySchema,
  MoveObjectiveSchema,
  MoveSectionSchema,
  ObjectiveRefSchema,
  SectionRefSchema,
  UpdateObjectiveSchema,
  UpdateSectionSchema,
} from "@/lib/validation/plans";
import { tenantAction } from "./safe-action";

// The structure shows on the plan page and in the activity list, both under /[tenant]/plans/...
// and on the overview: revalidating the tenant's tree is simpler than tracking which plan changed.
function refresh(ctx: TenantContext): void {
  revalidatePath(`/${ctx.tenant.slug}`, "layout");
}

export const createSectionAction = tenantAction(
  CreateSectionSchema,
  async (input, ctx) => {
    const { id } = await createSection(ctx, input.planId, input);
    refresh(ctx);
    return { ok: true, data: { id }, message: { key: "structure.sectionCreated" } };
  },
  { rulesWhenInvalid: (fields, ctx) => sectionRuleErrors(ctx, fields) },
);

export const updateSectionAction = tenantAction(
  UpdateSectionSchema,
  async (input, ctx) => {
    await updateSection(ctx, input.sectionId, input.version, input);
    refresh(ctx);
    return { ok: true, data: { id: input.sectionId }, message: { key: "structure.sectionSaved" } };
  },
  { rulesWhenInvalid: (fields, ctx) => sectionRuleErrors(ctx, fields) },
);

export const moveSectionAction = tenantAction(MoveSectionSchema, async (input, ctx) => {
  await moveSection(ctx, input.sectionId, input.direction);
  refresh(ctx);
  return { ok: true, message: { key: "structure.moved" } };
});

export const archiveSectionAction = tenantAction(SectionRefSchema, async (input, ctx) => {
  await archiveSection(ctx, input.sectionId);
  refresh(ctx);
  return { ok: true, message: { key: "structure.sectionArchived" } };
});

export const deleteSectionAction = tenantAction(SectionRefSchema, async (input, ctx) => {
  await deleteSection(ctx, input.sectionId);
  refresh(ctx);
  return { ok: true, message: { key: "structure.sectionDeleted" } };
});

export const createObjectiveAction = tenantAction(
  CreateObjectiveSchema,
  async (input, ctx) => {
    const { id } = await createObjective(ctx, input.sectionId, input);
    refresh(ctx);
    return { ok: true, data: { id }, message: { key: "structure.objectiveCreated" } };
  },
  { rulesWhenInvalid: (fields, ctx) => objectiveRuleErrors(ctx, fields) },
);

export const updateObjectiveAction = tenantAction(
  UpdateObjectiveSchema,
  async (input, ctx) => {
    await updateObjective(ctx, input.objectiveId, input.version, input);
    refresh(ctx);
    return { ok: true, data: { id: input.objectiveId }, message: { key: "structure.objectiveSaved" } };
  },
  { rulesWhenInvalid: (fields, ctx) => objectiveRuleErrors(ctx, fields) },
);

export const moveObjectiveAction = tenantAction(MoveObjectiveSchema, async (input, ctx) => {
  await moveObjective(ctx, input.objectiveId, input.direction);
  refresh(ctx);
  return { ok: true, message: { key: "structure.moved" } };
});

export const archiveObjectiveAction = tenantAction(ObjectiveRefSchema, async (input, ctx) => {
  await archiveObjective(ctx, input.objectiveId);
  refresh(ctx);
  return { ok: true, message: { key: "structure.objectiveArchived" } };
});

export const deleteObjectiveAction = tenantAction(ObjectiveRefSchema, async (input, ctx) => {
  await deleteObjective(ctx, input.objectiveId);
  refresh(ctx);
  return { ok: true, message: { key: "structure.objectiveDeleted" } };
});

export const moveActivityAction = tenantAction(MoveActivitySchema, async (input, ctx) => {
  await moveActivity(ctx, input.activityId, input.direction);
  refresh(ctx);
  return { ok: true, message: { key: "structure.moved" } };
});
