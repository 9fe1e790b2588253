// The report form's server actions with FormData as the browser posts it: every error at once on
// its field, a draft saved then submitted (with a file), a stale version answered with the other
// person's values, the reviewer's steps, and a partner's contribution.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  carryForwardAction,
  saveContributionAction,
  saveReportAction,
  transitionUpdateAction,
} from "@/lib/actions/progress";
import { POST as saveDraftOnLeave } from "@/app/(app)/[tenant]/activities/[activityId]/report/draft/route";
import { getDb } from "@/lib/db";
import { TODAY, reportingWorld, type ReportingWorld } from "../factories/reporting";
import { form, signInAs } from "../helpers/session";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");

let w: ReportingWorld;
beforeAll(() => {
  process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "nap-actions-"));
});
beforeEach(async () => {
  // The data layer's "today" is the clock's; the reporting world's period is open on TODAY.
  vi.useFakeTimers({ now: new Date("2026-07-05T10:00:00Z"), toFake: ["Date"] });
  w = await reportingWorld();
});
afterEach(() => {
  vi.useRealTimers();
  signInAs(null);
});
void TODAY;

function reportForm(over: Record<string, string | undefined> = {}) {
  return form({
    tenant: w.a.tenant.slug,
    activityId: w.activity.id,
    periodId: w.open.id,
    version: "",
    intent: "save",
    activityStatus: "IN_PROGRESS",
    percentComplete: "40",
    "achievements.en": "Trained 40 officers",
    "nextSteps.en": "Second course",
    "values.0.indicatorId": w.indicators[0],
    "values.0.value": "40",
    "values.1.indicatorId": w.indicators[1],
    "values.1.value": "12",
    "values.1.breakdown.0.dimension": "sex",
    "values.1.breakdown.0.cells.0.category": "female",
    "values.1.breakdown.0.cells.0.value": "9",
    "values.1.breakdown.0.cells.1.category": "male",
    "values.1.breakdown.0.cells.1.value": "3",
    ...over,
  });
}

describe("saveReportAction", () => {
  it("answers every field's error at once and echoes what was typed", async () => {
    signInAs(w.a.focal);
    const result = await saveReportAction(
      null,
      reportForm({ percentComplete: "140", activityStatus: "FLYING", "values.0.value": "abc" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "activityStatus",
      "percentComplete",
      "values.0.value",
    ]);
    expect(result.values?.["achievements.en"]).toBe("Trained 40 officers");
  });

  it("says a field's error and the values' rules in one answer, without JavaScript too", async () => {
    signInAs(w.a.focal);
    const result = await saveReportAction(
      null,
      reportForm({ activityStatus: "FLYING", "values.1.breakdown.0.cells.1.value": "5" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["activityStatus", "values.1.note"]);
    // A status and percent that tell two stories, beside a field that failed its schema.
    const story = await saveReportAction(
      null,
      reportForm({ activityStatus: "COMPLETED", percentComplete: "60", "values.0.value": "abc" }),
    );
    expect(story.ok).toBe(false);
    if (story.ok) return;
    expect(Object.keys(story.fieldErrors ?? {}).sort()).toEqual(["percentComplete", "values.0.value"]);
    // Someone who may not report here learns nothing more than the schema's answer.
    signInAs(w.otherFocal.user);
    const other = await saveReportAction(
      null,
      reportForm({ activityStatus: "FLYING", "values.1.breakdown.0.cells.1.value": "5" }),
    );
    expect(other.ok).toBe(false);
    if (other.ok) return;
    expect(Object.keys(other.fieldErrors ?? {})).toEqual(["activityStatus"]);
  });

  it("answers the indicators' rules on their fields (cells that do not add up)", async () => {
    signInAs(w.a.focal);
    const result = await saveReportAction(null, reportForm({ "values.1.breakdown.0.cells.1.value": "5" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { "values.1.note": { key: "progress.errors.cellsDoNotAdd" } },
    });
  });

  it("saves a draft, then submits it with a PDF; the update holds the values and the file", async () => {
    signInAs(w.a.focal);
    const draft = await saveReportAction(null, reportForm());
    expect(draft).toMatchObject({ ok: true, data: { status: "DRAFT", version: 1 } });
    const data = reportForm({ version: "1", intent: "submit" });
    data.append("evidence", new File([PDF], "attendance.pdf"));
    data.append("evidenceAccess", "SHAREABLE");
    const submitted = await saveReportAction(null, data);
    expect(submitted).toMatchObject({ ok: true, data: { status: "SUBMITTED", files: 1 } });
    const db = await getDb();
    const update = await db.progressUpdate.findFirstOrThrow({
      where: { activityId: w.activity.id, periodId: w.open.id },
      include: { values: true, evidence: true },
    });
    expect(update.status).toBe("SUBMITTED");
    expect(update.values.find((v) => v.indicatorId === w.indicators[1])?.breakdown).toEqual({
      sex: { female: 9, male: 3 },
    });
    expect(update.evidence.map((e) => [e.fileName, e.access])).toEqual([["attendance.pdf", "SHAREABLE"]]);
  });

  it("refuses a file whose content is not its extension on the Evidence field, saving nothing", async () => {
    signInAs(w.a.focal);
    const data = reportForm();
    data.append("evidence", new File([Buffer.from("MZ not really a pdf\0\0\0")], "scan.pdf"));
    const result = await saveReportAction(null, data);
    expect(result).toMatchObject({ ok: false, fieldErrors: { evidence: { key: "progress.evidence.typeRefused" } } });
    const db = await getDb();
    expect(await db.progressUpdate.count({ where: { activityId: w.activity.id } })).toBe(0);
  });

  it("answers a stale version with the other person's values, keeping what was typed", async () => {
    signInAs(w.a.focal);
    await saveReportAction(null, reportForm());
    signInAs(w.colleague.user);
    await saveReportAction(null, reportForm({ version: "1", percentComplete: "55" }));
    signInAs(w.a.focal);
    const stale = await saveReportAction(null, reportForm({ version: "1", percentComplete: "60" }));
    expect(stale).toMatchObject({
      ok: false,
      message: { key: "errors.conflict" },
      current: { version: 2, percentComplete: 55 },
      values: { percentComplete: "60" },
    });
  });

  it("is refused for a viewer and for another tenant's member", async () => {
    signInAs(w.a.viewer);
    expect(await saveReportAction(null, reportForm())).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    signInAs(w.b.focal);
    expect(await saveReportAction(null, reportForm())).toMatchObject({
      ok: false,
      message: { key: "errors.notFound" },
    });
  });
});

describe("reviewing and contributing", () => {
  it("returns with a required comment, then approves the resubmission", async () => {
    signInAs(w.a.focal);
    const saved = await saveReportAction(null, reportForm({ intent: "submit" }));
    if (!saved.ok) throw new Error("not saved");
    const id = saved.data!.id;
    signInAs(w.a.coordinator);
    const base = { tenant: w.a.tenant.slug, updateId: id };
    expect(await transitionUpdateAction(null, form({ ...base, version: 1, step: "return" }))).toMatchObject({
      ok: false,
      fieldErrors: { comment: { key: "progress.refused.commentRequired" } },
    });
    expect(
      await transitionUpdateAction(null, form({ ...base, version: 1, step: "return", comment: "Attach the list" })),
    ).toMatchObject({ ok: true, data: { status: "RETURNED" } });
    signInAs(w.a.focal);
    await saveReportAction(null, reportForm({ version: "2", intent: "submit" }));
    signInAs(w.a.coordinator);
    expect(await transitionUpdateAction(null, form({ ...base, version: 3, step: "approve" }))).toMatchObject({
      ok: true,
      data: { status: "APPROVED" },
    });
  });

  it("a partner's note needs the lead agency's update first, then is saved", async () => {
    signInAs(w.partnerFocal.user);
    const note = {
      tenant: w.a.tenant.slug,
      activityId: w.activity.id,
      periodId: w.open.id,
      version: "",
      "note.en": "We hosted it",
    };
    expect(await saveContributionAction(null, form(note))).toMatchObject({
      ok: false,
      message: { key: "progress.contribution.noUpdate" },
    });
    signInAs(w.a.focal);
    await saveReportAction(null, reportForm());
    signInAs(w.partnerFocal.user);
    expect(await saveContributionAction(null, form(note))).toMatchObject({ ok: true, data: { version: 1 } });
    // Still no update of their own: a partner never creates one.
    signInAs(w.otherFocal.user);
    expect(await saveContributionAction(null, form(note))).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
  });

  it("no change this period needs a note", async () => {
    signInAs(w.a.focal);
    const result = await carryForwardAction(
      null,
      form({ tenant: w.a.tenant.slug, activityId: w.activity.id, periodId: w.open.id, version: "" }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { note: { key: "validation.required" } } });
  });
});

describe("the draft saved on leaving the page", () => {
  const post = (origin: string | null, body: FormData) =>
    saveDraftOnLeave(
      new Request(`http://nap.example.gov/${w.a.tenant.slug}/activities/${w.activity.id}/report/draft`, {
        method: "POST",
        headers: { host: "nap.example.gov", ...(origin ? { origin } : {}) },
        body,
      }),
      { params: Promise.resolve({ tenant: w.a.tenant.slug, activityId: w.activity.id }) },
    );

  it("is saved from the app's own pages only, for those who may report", async () => {
    signInAs(w.a.focal);
    expect((await post("https://evil.example", reportForm())).status).toBe(403);
    expect((await post(null, reportForm())).status).toBe(403);
    const db = await getDb();
    expect(await db.progressUpdate.count({ where: { activityId: w.activity.id } })).toBe(0);
    const saved = await post("http://nap.example.gov", reportForm());
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ status: "DRAFT", version: 1 });
    signInAs(w.a.viewer);
    expect((await post("http://nap.example.gov", reportForm({ version: "1" }))).status).toBe(403);
    signInAs(w.b.admin);
    expect((await post("http://nap.example.gov", reportForm({ version: "1" }))).status).toBe(404);
  });
});
