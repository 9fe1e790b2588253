// The reporting cycle of the demo, on top of the updates the plans produced: the trail of the
// updates still in review, small evidence files, one exception to a lock, and the unread
// notifications a focal point and a coordinator find when they sign in.
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { newFileKey } from "@/lib/storage/keys";
import type { DemoRows } from "./builder";
import { addDays, newId } from "./util";

export interface DemoFile {
  key: string;
  bytes: Uint8Array;
  contentType: string;
}

/** A one-page PDF saying `line`: real enough for a viewer to open. */
export function tinyPdf(line: string): Uint8Array {
  const text = line.replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const texts = (json: unknown) => (json ?? {}) as Record<string, string>;

/** Adds the reporting cycle's demo rows to `rows` (one tenant's part) and returns the files to store. */
export function addReportingDemo(
  rows: DemoRows,
  tenantId: string,
  opts: { today: Date; reviewerId: string | null; firstUpdate: number; focalPointIds: ReadonlySet<string> },
): DemoFile[] {
  const files: DemoFile[] = [];
  const today = opts.today;
  const periods = new Map(rows.periods.filter((p) => p.tenantId === tenantId).map((p) => [p.id!, p]));
  const activities = new Map(rows.activities.filter((a) => a.tenantId === tenantId).map((a) => [a.id!, a]));
  const updates = rows.updates.slice(opts.firstUpdate);
  const values = new Map<string, Prisma.IndicatorValueCreateManyInput[]>();
  for (const v of rows.values)
    if (v.tenantId === tenantId) values.set(v.progressUpdateId, [...(values.get(v.progressUpdateId) ?? []), v]);

  const payloadOf = (u: Prisma.ProgressUpdateCreateManyInput) => {
    const a = activities.get(u.activityId)!;
    return { activityCode: a.code, activity: texts(a.title), period: texts(periods.get(u.periodId)!.label) };
  };
  const link = (u: Prisma.ProgressUpdateCreateManyInput) => `/activities/${u.activityId}/report?period=${u.periodId}`;
  const nameOf = (id: string | null | undefined) => rows.users.find((x) => x.id === id)?.name ?? "";
  const reviewer = nameOf(opts.reviewerId);

  let exceptionGiven = false;
  let evidenceGiven = 0;
  for (const u of updates) {
    const status = u.status ?? "DRAFT";
    const submittedAt = u.submittedAt ? new Date(u.submittedAt) : null;
    const reviewedAt = u.reviewedAt ? new Date(u.reviewedAt) : null;
    // The trail of the updates still in review: their submission and, for a returned one, the comment.
    if ((status === "SUBMITTED" || status === "RETURNED") && submittedAt) {
      rows.audits.push({
        tenantId,
        actorKind: "user",
        actorId: u.submittedById ?? null,
        action: "update.submitted",
        entityType: "ProgressUpdate",
        entityId: u.id!,
        activityId: u.activityId,
        after: {
          activityId: u.activityId,
          periodId: u.periodId,
          activityStatus: u.activityStatus,
          percentComplete: u.percentComplete,
          achievements: texts(u.achievements),
          challenges: texts(u.challenges),
          nextSteps: texts(u.nextSteps),
          noChange: false,
          values: (values.get(u.id!) ?? []).map((v) => ({
            indicatorId: v.indicatorId,
            value: v.value === null || v.value === undefined ? null : String(v.value),
            numerator: null,
            denominator: null,
            breakdown: (v.breakdown ?? null) as Record<string, Record<string, number>> | null,
            note: null,
          })),
        },
        createdAt: submittedAt,
      });
      if (opts.reviewerId)
        rows.notifications.push({
          tenantId,
          userId: opts.reviewerId,
          kind: "update.submitted",
          payload: { ...payloadOf(u), by: nameOf(u.submittedById) },
          link: link(u),
          createdAt: submittedAt,
        });
    }
    if (status === "RETURNED" && reviewedAt) {
      rows.audits.push({
        tenantId,
        actorKind: "user",
        actorId: opts.reviewerId,
        action: "update.returned",
        entityType: "ProgressUpdate",
        entityId: u.id!,
        activityId: u.activityId,
        after: { activityId: u.activityId, periodId: u.periodId },
        reason: u.reviewComment ?? null,
        createdAt: reviewedAt,
      });
      if (u.authorId)
        rows.notifications.push({
          tenantId,
          userId: u.authorId,
          kind: "update.returned",
          payload: { ...payloadOf(u), comment: u.reviewComment ?? "", by: reviewer },
          link: link(u),
          createdAt: reviewedAt,
        });
      // A returned update in a period that has locked since: the coordinator lets the lead agency fix it.
      const period = periods.get(u.periodId)!;
      if (!exceptionGiven && u.authorId && opts.focalPointIds.has(u.authorId) && new Date(period.locksOn) <= today) {
        exceptionGiven = true;
        const until = addDays(today, 14);
        rows.exceptions.push({
          id: newId(),
          tenantId,
          periodId: u.periodId,
          activityId: u.activityId,
          until,
          reason: "Returned for corrections after the period locked",
          grantedById: opts.reviewerId,
          createdAt: addDays(today, -1),
        });
        if (u.authorId)
          rows.notifications.push({
            tenantId,
            userId: u.authorId,
            kind: "exception.granted",
            payload: { ...payloadOf(u), day: until.toISOString().slice(0, 10), by: reviewer },
            link: link(u),
            createdAt: addDays(today, -1),
          });
      }
    }
    // A little evidence: attendance lists and minutes on a few updates.
    if (
      (status === "APPROVED" || status === "SUBMITTED") &&
      evidenceGiven < 4 &&
      submittedAt &&
      submittedAt > addDays(today, -200)
    ) {
      evidenceGiven += 1;
      const a = activities.get(u.activityId)!;
      const name = evidenceGiven % 2 ? `attendance-${a.code}.pdf` : `minutes-${a.code}.pdf`;
      const bytes = tinyPdf(`${a.code}: ${evidenceGiven % 2 ? "attendance list" : "meeting minutes"} (illustrative)`);
      const key = newFileKey(tenantId, submittedAt);
      files.push({ key, bytes, contentType: "application/pdf" });
      rows.evidence.push({
        id: newId(),
        tenantId,
        updateId: u.id!,
        fileName: name,
        contentType: "application/pdf",
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storageKey: key,
        access: evidenceGiven === 1 ? "SHAREABLE" : "RESTRICTED",
        uploadedById: u.authorId ?? null,
        createdAt: submittedAt,
      });
    }
  }
  return files;
}
