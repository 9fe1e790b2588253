import "server-only";
// Evidence files of a progress update: checked by their bytes (never the name or the type the
// browser sent), stored through lib/storage with the checksum the store computed while writing,
// and marked restricted or shareable. The lead agency's reporters add them while the update is
// editable; a partner agency's focal points add them to their own contribution. Removal keeps
// the bytes (the audit log names the file) and hides the row.
import { type EvidenceAccess } from "@/lib/domain/enums";
import { NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { FILE_MAX_BYTES } from "@/lib/domain/limits";
import { isReporter } from "@/lib/domain/progress";
import { contentTypeFor, extensionMatches, sniffContentType, type SniffedKind } from "@/lib/storage/sniff";
import { getFileStore, newFileKey } from "@/lib/storage";
import { megabytes } from "@/lib/validation/files";
import type { TenantContext } from "../context";
import { withTenant, type Tx } from "../door";
import { periodAcceptsReports, periodSelect, standingOf, todayOf } from "./shared";

/** What evidence may be: documents and pictures. Text, legacy OLE Office files and everything else are refused. */
export const EVIDENCE_KINDS: readonly SniffedKind[] = ["pdf", "png", "jpg", "gif", "webp", "docx", "xlsx", "pptx"];

export interface EvidenceUpload {
  file: File;
  access: EvidenceAccess;
}

interface CheckedFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  access: EvidenceAccess;
}

/** A file name as stored and served: no path, no control characters, at most 200 characters. */
function cleanName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || "evidence").slice(-200);
}

/**
 * Every file's type, size and name checked at once, before anything is stored: the errors sit on
 * the field `field` (one message, naming each refused file).
 */
export async function checkEvidenceFiles(uploads: EvidenceUpload[], field = "evidence"): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  const refused: MessageRef[] = [];
  for (const u of uploads) {
    const name = cleanName(u.file.name);
    if (u.file.size > FILE_MAX_BYTES) {
      refused.push({ key: "limits.fileTooLarge", values: { max: megabytes(FILE_MAX_BYTES) } });
      continue;
    }
    if (u.file.size === 0) {
      refused.push({ key: "progress.evidence.empty", values: { name } });
      continue;
    }
    const bytes = new Uint8Array(await u.file.arrayBuffer());
    const sniffed = await sniffContentType(bytes);
    if (!sniffed || !EVIDENCE_KINDS.includes(sniffed.kind)) {
      refused.push({ key: "progress.evidence.typeRefused", values: { name } });
      continue;
    }
    if (!extensionMatches(name, sniffed)) {
      refused.push({ key: "progress.evidence.notItsExtension", values: { name } });
      continue;
    }
    checked.push({ name, bytes, contentType: contentTypeFor(name, sniffed), access: u.access });
  }
  if (refused.length) throw new RuleError("errors.invalidInput", { [field]: refused[0] });
  return checked;
}

const EDITABLE = ["DRAFT", "RETURNED"] as const;

/**
 * Who this person is to the update, for its files: a reporter of the lead agency (while the update
 * is a draft or returned), or a focal point of a partner agency (their contribution, until the
 * update is approved). Both need the period to accept reports. Anything else is refused.
 */
async function fileRights(tx: Tx, ctx: TenantContext, updateId: string, today: Date) {
  const update = await tx.progressUpdate.findFirst({
    where: { id: updateId, tenantId: ctx.tenant.id },
    select: {
      id: true,
      status: true,
      submittedById: true,
      activity: { select: { id: true, leadAgencyId: true, partners: { select: { agencyId: true } } } },
      period: { select: periodSelect },
    },
  });
  if (!update) throw new NotFoundError("update");
  const activity = update.activity;
  const [standing, window] = await Promise.all([
    standingOf(tx, ctx, activity, update, today),
    periodAcceptsReports(tx, ctx.tenant.id, update.period, activity, today),
  ]);
  if (!window.accepts) throw new RuleError("progress.refused.periodLocked");
  const partner =
    ctx.role === "FOCAL_POINT" &&
    !standing.ofLeadAgency &&
    ctx.agencyId !== null &&
    activity.partners.some((p) => p.agencyId === ctx.agencyId)
      ? ctx.agencyId
      : null;
  if (partner) {
    if (update.status === "APPROVED")
      throw new RuleError("progress.refused.notAllowedInState", {}, { status: update.status });
    return { update, partnerAgencyId: partner };
  }
  if (!isReporter(standing)) throw new RuleError("progress.refused.notReporter");
  if (!(EDITABLE as readonly string[]).includes(update.status))
    throw new RuleError("progress.refused.notAllowedInState", {}, { status: update.status });
  return { update, partnerAgencyId: null };
}

/**
 * Adds files to an update (to the caller's contribution for a partner agency's focal point),
 * each as RESTRICTED or SHAREABLE. Files are checked first, all of them; then stored; a failure
 * after storing removes what was stored.
 */
export async function addEvidence(
  ctx: TenantContext,
  updateId: string,
  uploads: EvidenceUpload[],
  opts: { today?: Date; field?: string } = {},
): Promise<{ id: string; sha256: string }[]> {
  const today = todayOf(opts.today);
  const checked = await checkEvidenceFiles(uploads, opts.field);
  if (checked.length === 0) return [];
  const store = getFileStore();
  const stored: string[] = [];
  try {
    return await withTenant(ctx, "progress.report", async (tx, audit) => {
      const { update, partnerAgencyId } = await fileRights(tx, ctx, updateId, today);
      let contributionId: string | null = null;
      if (partnerAgencyId) {
        const contribution = await tx.updateContribution.upsert({
          where: { tenantId_updateId_agencyId: { tenantId: ctx.tenant.id, updateId, agencyId: partnerAgencyId } },
          create: { tenantId: ctx.tenant.id, updateId, agencyId: partnerAgencyId, authorId: ctx.user.id },
          update: {},
          select: { id: true },
        });
        contributionId = contribution.id;
      }
      const out: { id: string; sha256: string }[] = [];
      for (const f of checked) {
        const key = newFileKey(ctx.tenant.id);
        const meta = await store.put(key, f.bytes, { contentType: f.contentType, maxBytes: FILE_MAX_BYTES });
        stored.push(key);
        const row = await tx.evidence.create({
          data: {
            tenantId: ctx.tenant.id,
            updateId,
            contributionId,
            fileName: f.name,
            contentType: f.contentType,
            size: meta.size,
            sha256: meta.sha256,
            storageKey: key,
            access: f.access,
            uploadedById: ctx.user.id,
          },
          select: { id: true, sha256: true },
        });
        await audit({
          action: "evidence.added",
          entityType: "Evidence",
          entityId: row.id,
          activityId: update.activity.id,
          after: {
            updateId,
            fileName: f.name,
            contentType: f.contentType,
            size: meta.size,
            sha256: meta.sha256,
            access: f.access,
          },
        });
        out.push(row);
      }
      return out;
    });
  } catch (error) {
    await Promise.all(stored.map((key) => store.delete(key).catch(() => false)));
    throw error;
  }
}

/** Removes a file from an update while it may still change (the bytes stay, for the record). */
export async function removeEvidence(ctx: TenantContext, evidenceId: string, opts: { today?: Date } = {}) {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.report", async (tx, audit) => {
    const row = await tx.evidence.findFirst({
      where: { id: evidenceId, tenantId: ctx.tenant.id, removedAt: null },
      select: {
        id: true,
        updateId: true,
        contributionId: true,
        fileName: true,
        contentType: true,
        size: true,
        sha256: true,
        access: true,
        contribution: { select: { agencyId: true } },
      },
    });
    if (!row) throw new NotFoundError("evidence");
    const { update, partnerAgencyId } = await fileRights(tx, ctx, row.updateId, today);
    // A partner removes only its own contribution's files; the lead agency's reporters any.
    if (partnerAgencyId && row.contribution?.agencyId !== partnerAgencyId)
      throw new RuleError("progress.refused.notReporter");
    await tx.evidence.updateMany({
      where: { id: row.id, tenantId: ctx.tenant.id },
      data: { removedAt: new Date() },
    });
    await audit({
      action: "evidence.removed",
      entityType: "Evidence",
      entityId: row.id,
      activityId: update.activity.id,
      before: {
        updateId: row.updateId,
        fileName: row.fileName,
        contentType: row.contentType,
        size: row.size,
        sha256: row.sha256,
        access: row.access,
      },
    });
    return { id: row.id };
  });
}

/**
 * A file for download, for any member of the tenant: its bytes as a stream, its name and the type
 * it was stored with. Another tenant's file, a removed one or a missing one: NotFound alike.
 */
export async function getEvidenceFile(ctx: TenantContext, evidenceId: string) {
  const row = await withTenant(ctx, "tenant.view", (tx) =>
    tx.evidence.findFirst({
      where: { id: evidenceId, tenantId: ctx.tenant.id, removedAt: null },
      select: { id: true, fileName: true, contentType: true, size: true, sha256: true, storageKey: true },
    }),
  );
  if (!row) throw new NotFoundError("evidence");
  const file = await getFileStore().get(row.storageKey);
  if (!file) throw new NotFoundError("evidence");
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    stream: file.stream,
  };
}
