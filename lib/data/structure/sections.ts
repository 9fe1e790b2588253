import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Pillar } from "@/generated/prisma/enums";
import { isValidSectionCode, normaliseCode, suggestNextCode } from "@/lib/domain/codes";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { TenantContext } from "../context";
import { saveOverVersion, withTenant, type Tx } from "../door";
import { requireEditablePlan } from "../plan-guards";
import { toTexts, type Texts } from "@/lib/domain/texts";
import { codeTaken } from "./fields";

export interface SectionInput {
  code: string | null;
  title: Texts;
  pillar: Pillar | null;
}

const sectionSelect = {
  id: true,
  planId: true,
  code: true,
  title: true,
  pillar: true,
  position: true,
  version: true,
} as const;
type SectionRow = Prisma.SectionGetPayload<{ select: typeof sectionSelect }>;
const sectionView = (s: SectionRow) => ({
  id: s.id,
  version: s.version,
  code: s.code,
  title: toTexts(s.title),
  pillar: s.pillar,
});

/** A live section of an editable plan of this tenant, inside the caller's transaction. */
export async function loadSection(tx: Tx, ctx: TenantContext, sectionId: string): Promise<SectionRow> {
  const section = await tx.section.findFirst({
    where: { id: sectionId, tenantId: ctx.tenant.id, archivedAt: null },
    select: sectionSelect,
  });
  if (!section) throw new NotFoundError("section");
  await requireEditablePlan(tx, ctx, section.planId);
  return section;
}

/** The code, normalised; unique among the plan's sections, archived ones included (they keep theirs). */
export async function checkSectionCode(
  tx: Tx,
  ctx: TenantContext,
  planId: string,
  code: string,
  exceptId?: string,
): Promise<string> {
  const normal = normaliseCode(code);
  if (!isValidSectionCode(normal))
    throw new RuleError("errors.invalidInput", { code: { key: "structure.validation.sectionCode" } });
  const clash = await tx.section.findFirst({
    where: { tenantId: ctx.tenant.id, planId, code: normal, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw codeTaken("sectionCodeTaken")();
  return normal;
}

/** A section at the end of the plan; without a code it takes the next free number. */
export async function createSection(ctx: TenantContext, planId: string, input: SectionInput): Promise<{ id: string }> {
  return withTenant(
    ctx,
    "plans.manage",
    async (tx, audit) => {
      await requireEditablePlan(tx, ctx, planId);
      const tenantId = ctx.tenant.id;
      const existing = await tx.section.findMany({
        where: { tenantId, planId },
        select: { code: true, position: true },
      });
      const code = await checkSectionCode(
        tx,
        ctx,
        planId,
        input.code ??
          suggestNextCode(
            null,
            existing.map((s) => s.code),
          ),
      );
      const position = Math.max(0, ...existing.map((s) => s.position)) + 1;
      const data = { code, title: toTexts(input.title), pillar: input.pillar };
      const section = await tx.section.create({ data: { tenantId, planId, ...data, position }, select: { id: true } });
      await audit({
        action: "section.created",
        entityType: "Section",
        entityId: section.id,
        after: { ...data, planId, position },
      });
      return section;
    },
    { unique: codeTaken("sectionCodeTaken") },
  );
}

/** Renames a section, changes its code or pillar, over the version the form was loaded with. */
export async function updateSection(
  ctx: TenantContext,
  sectionId: string,
  version: number,
  input: SectionInput & { code: string },
): Promise<void> {
  await withTenant(
    ctx,
    "plans.manage",
    async (tx, audit) => {
      const before = await loadSection(tx, ctx, sectionId);
      const data = { title: toTexts(input.title), pillar: input.pillar };
      let code = before.code;
      // A stale version answers first, with the saved values; then the code's rules.
      await saveOverVersion(before, version, sectionView, async () => {
        code = await checkSectionCode(tx, ctx, before.planId, input.code, sectionId);
        return tx.section.updateMany({
          where: { id: sectionId, tenantId: ctx.tenant.id, version },
          data: { code, ...data, version: { increment: 1 } },
        });
      });
      await audit({
        action: "section.updated",
        entityType: "Section",
        entityId: sectionId,
        before: { code: before.code, title: toTexts(before.title), pillar: before.pillar },
        after: { code, ...data },
      });
    },
    { unique: codeTaken("sectionCodeTaken") },
  );
}

/** Archives a section whose objectives are all archived already: nothing live disappears with it. */
export async function archiveSection(ctx: TenantContext, sectionId: string): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const section = await loadSection(tx, ctx, sectionId);
    const live = await tx.objective.count({ where: { tenantId: ctx.tenant.id, sectionId, archivedAt: null } });
    if (live > 0) throw new RuleError("structure.sectionNotEmpty");
    await tx.section.updateMany({
      where: { id: sectionId, tenantId: ctx.tenant.id },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit({
      action: "section.archived",
      entityType: "Section",
      entityId: sectionId,
      before: sectionView(section),
    });
  });
}

/** Deletes a section that never held an objective; one with history is archived instead. */
export async function deleteSection(ctx: TenantContext, sectionId: string): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const section = await loadSection(tx, ctx, sectionId);
    const any = await tx.objective.count({ where: { tenantId: ctx.tenant.id, sectionId } });
    if (any > 0) throw new RuleError("structure.sectionHasHistory");
    await audit({
      action: "section.deleted",
      entityType: "Section",
      entityId: sectionId,
      before: sectionView(section),
    });
    await tx.section.deleteMany({ where: { id: sectionId, tenantId: ctx.tenant.id } });
  });
}
