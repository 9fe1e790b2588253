// Evidence files of a progress update: checked by their content (a name proves nothing), size
// limited, stored with their checksum, added only by the update's reporters or a partner's focal
// points, removable only while the update may change, and downloadable by members of the tenant
// only (another tenant's member gets the same 404 as for a missing file).
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/tenants/[tenant]/evidence/[evidenceId]/route";
import { getDb } from "@/lib/db";
import { addEvidence, getEvidenceFile, removeEvidence } from "@/lib/data/reporting/evidence";
import { saveReport } from "@/lib/data/reporting/updates";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { FILE_MAX_BYTES } from "@/lib/domain/limits";
import { TODAY, reportingWorld, updateInput, type ReportingWorld } from "../factories/reporting";
import { signInAs } from "../helpers/session";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from("IHDR", "latin1"),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
]);
// A Windows executable's header: "MZ", the DOS stub, then "PE\0\0" where e_lfanew points.
const EXE = (() => {
  const b = Buffer.alloc(256);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(128, 0x3c);
  b.write("PE\0\0", 128, "latin1");
  return b;
})();

const file = (bytes: Uint8Array, name: string) => new File([bytes as unknown as BlobPart], name);
const opts = { today: TODAY };

let w: ReportingWorld;
let updateId: string;
beforeAll(() => {
  process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "nap-evidence-"));
});
beforeEach(async () => {
  w = await reportingWorld();
  const saved = await saveReport(
    w.a.ctx.focal,
    { activityId: w.activity.id, periodId: w.open.id, version: null, input: updateInput(w), submit: false },
    opts,
  );
  updateId = saved.id;
});
afterEach(() => signInAs(null));

async function refusedOnField(promise: Promise<unknown>, key: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  expect((error as RuleError).fieldErrors.evidence?.key).toBe(key);
}

async function get(tenant: string, evidenceId: string) {
  return download(new Request(`http://localhost/api/tenants/${tenant}/evidence/${evidenceId}`), {
    params: Promise.resolve({ tenant, evidenceId }),
  });
}

describe("evidence", () => {
  it("stores a PDF with its sha256, sniffed type and access, and audits it", async () => {
    const [added] = await addEvidence(
      w.a.ctx.focal,
      updateId,
      [{ file: file(PDF, "attendance.pdf"), access: "SHAREABLE" }],
      opts,
    );
    expect(added.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    const db = await getDb();
    const row = await db.evidence.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({
      contentType: "application/pdf",
      size: PDF.length,
      access: "SHAREABLE",
      contributionId: null,
    });
    const events = await db.auditEvent.findMany({ where: { entityId: added.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["evidence.added"]);
  });

  it("refuses a .pdf that is really a PNG, an .exe renamed .pdf, and a file over the limit; stores none", async () => {
    await refusedOnField(
      addEvidence(w.a.ctx.focal, updateId, [{ file: file(PNG, "report.pdf"), access: "RESTRICTED" }], opts),
      "progress.evidence.notItsExtension",
    );
    await refusedOnField(
      addEvidence(w.a.ctx.focal, updateId, [{ file: file(EXE, "report.pdf"), access: "RESTRICTED" }], opts),
      "progress.evidence.typeRefused",
    );
    const big = new Uint8Array(FILE_MAX_BYTES + 1);
    big.set(PDF);
    await refusedOnField(
      addEvidence(w.a.ctx.focal, updateId, [{ file: file(big, "big.pdf"), access: "RESTRICTED" }], opts),
      "limits.fileTooLarge",
    );
    // One bad file among good ones: nothing is stored.
    await refusedOnField(
      addEvidence(
        w.a.ctx.focal,
        updateId,
        [
          { file: file(PDF, "good.pdf"), access: "RESTRICTED" },
          { file: file(EXE, "bad.png"), access: "RESTRICTED" },
        ],
        opts,
      ),
      "progress.evidence.typeRefused",
    );
    const db = await getDb();
    expect(await db.evidence.count({ where: { updateId } })).toBe(0);
  });

  it("refuses another agency's focal point, a viewer, and another tenant", async () => {
    const pdf = [{ file: file(PDF, "a.pdf"), access: "RESTRICTED" as const }];
    await expect(addEvidence(w.otherFocal.ctx, updateId, pdf, opts)).rejects.toBeInstanceOf(RuleError);
    await expect(addEvidence(w.a.ctx.viewer, updateId, pdf, opts)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addEvidence(w.b.ctx.coordinator, updateId, pdf, opts)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets a partner agency's focal point add files to its own contribution", async () => {
    const [added] = await addEvidence(
      w.partnerFocal.ctx,
      updateId,
      [{ file: file(PNG, "photo.png"), access: "RESTRICTED" }],
      opts,
    );
    const db = await getDb();
    const row = await db.evidence.findUniqueOrThrow({ where: { id: added.id }, include: { contribution: true } });
    expect(row.contribution?.agencyId).toBe(w.a.partner.id);
    expect(row.contentType).toBe("image/png");
    // The partner may not remove the lead agency's own files.
    const [lead] = await addEvidence(
      w.a.ctx.focal,
      updateId,
      [{ file: file(PDF, "l.pdf"), access: "RESTRICTED" }],
      opts,
    );
    await expect(removeEvidence(w.partnerFocal.ctx, lead.id, opts)).rejects.toBeInstanceOf(RuleError);
    await removeEvidence(w.partnerFocal.ctx, added.id, opts);
  });

  it("removes a file while the update is a draft, refuses once it is submitted or the period is locked", async () => {
    const [first, second] = await addEvidence(
      w.a.ctx.focal,
      updateId,
      [
        { file: file(PDF, "one.pdf"), access: "RESTRICTED" },
        { file: file(PDF, "two.pdf"), access: "RESTRICTED" },
      ],
      opts,
    );
    await removeEvidence(w.a.ctx.focal, first.id, opts);
    await expect(getEvidenceFile(w.a.ctx.focal, first.id)).rejects.toBeInstanceOf(NotFoundError);
    await saveReport(
      w.a.ctx.focal,
      { activityId: w.activity.id, periodId: w.open.id, version: 1, input: updateInput(w), submit: true },
      opts,
    );
    await expect(removeEvidence(w.a.ctx.focal, second.id, opts)).rejects.toBeInstanceOf(RuleError);
    // After the lock day, nothing changes either.
    await expect(removeEvidence(w.a.ctx.focal, second.id, { today: new Date("2026-08-15T00:00:00Z") })).rejects.toThrow(
      RuleError,
    );
    await expect(removeEvidence(w.b.ctx.admin, second.id, opts)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("serves the file to a viewer of the tenant as an attachment; another tenant's member gets 404", async () => {
    const [added] = await addEvidence(
      w.a.ctx.focal,
      updateId,
      [{ file: file(PDF, "Отчёт о тренинге.pdf"), access: "RESTRICTED" }],
      opts,
    );
    signInAs(w.a.viewer);
    const ok = await get(w.a.tenant.slug, added.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-disposition")).toContain(`attachment; filename="`);
    expect(ok.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("Отчёт о тренинге.pdf")}`,
    );
    expect(Buffer.from(await ok.arrayBuffer()).equals(PDF)).toBe(true);

    signInAs(w.b.focal);
    // Through their own tenant's URL, and through the file's tenant's URL: 404 alike.
    expect((await get(w.b.tenant.slug, added.id)).status).toBe(404);
    expect((await get(w.a.tenant.slug, added.id)).status).toBe(404);
    await expect(getEvidenceFile(w.b.ctx.focal, added.id)).rejects.toBeInstanceOf(NotFoundError);
    signInAs(null);
    expect((await get(w.a.tenant.slug, added.id)).status).toBe(401);
  });
});
