// Files through the action wrapper (lib/actions/safe-action.ts), as evidence uploads will post
// them: a file over the limit is refused before anything is parsed or run, with a field error on
// its field; files are never echoed back; a file within the limit reaches the handler as a File.
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { publicAction, tenantAction } from "@/lib/actions/safe-action";
import type { ActionResult } from "@/lib/actions/result";
import { FILE_MAX_BYTES } from "@/lib/domain/limits";
import { fileSchema } from "@/lib/validation/files";
import { createTenantWithPeople } from "../factories";
import { signInAs } from "../helpers/session";

afterEach(() => signInAs(null));

const UploadSchema = z.object({ title: z.string().trim().min(1).max(20), evidence: fileSchema({ required: false }) });
const file = (size: number, name = "evidence.pdf") =>
  new File([new Uint8Array(size)], name, { type: "application/pdf" });

function upload(fields: { title?: string; evidence?: File | File[] }): FormData {
  const data = new FormData();
  if (fields.title !== undefined) data.append("title", fields.title);
  for (const f of [fields.evidence ?? []].flat()) data.append("evidence", f);
  return data;
}

function spyAction(options?: { maxFileBytes?: number }) {
  const handler = vi.fn(
    async (input: z.infer<typeof UploadSchema>): Promise<ActionResult<{ name?: string; size?: number }>> => ({
      ok: true,
      data: { name: input.evidence?.name, size: input.evidence?.size },
    }),
  );
  return { handler, action: publicAction(UploadSchema, handler, options) };
}

describe("files through the action wrapper", () => {
  it("hands a file within the limit to the handler as a File", async () => {
    const { action, handler } = spyAction();
    const result = await action(null, upload({ title: "Report", evidence: file(FILE_MAX_BYTES) }));
    expect(result).toEqual({ ok: true, data: { name: "evidence.pdf", size: FILE_MAX_BYTES } });
    expect(handler.mock.calls[0][0].evidence).toBeInstanceOf(File);
  });

  it("refuses a file over the limit with a field error, runs nothing, echoes the text but not the file", async () => {
    const { action, handler } = spyAction();
    const result = await action(null, upload({ title: "Report", evidence: file(FILE_MAX_BYTES + 1) }));
    expect(result).toEqual({
      ok: false,
      message: { key: "errors.invalidInput" },
      fieldErrors: { evidence: { key: "limits.fileTooLarge", values: { max: 10 } } },
      values: { title: "Report" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("checks the size before the schema: an invalid title does not hide the file error", async () => {
    const { action } = spyAction();
    const result = await action(null, upload({ title: "", evidence: file(FILE_MAX_BYTES + 1) }));
    expect(result.ok === false && result.fieldErrors).toEqual({
      evidence: { key: "limits.fileTooLarge", values: { max: 10 } },
    });
  });

  it("takes a lower limit per action", async () => {
    const { action, handler } = spyAction({ maxFileBytes: 512 * 1024 });
    const refused = await action(null, upload({ title: "Report", evidence: file(512 * 1024 + 1) }));
    expect(refused.ok === false && refused.fieldErrors).toEqual({
      evidence: { key: "limits.fileTooLarge", values: { max: 0.5 } },
    });
    expect(await action(null, upload({ title: "Report", evidence: file(512 * 1024) }))).toMatchObject({ ok: true });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("reads an empty file input as no file", async () => {
    const { action } = spyAction();
    const result = await action(null, upload({ title: "Report", evidence: new File([], "") }));
    expect(result).toEqual({ ok: true, data: { name: undefined, size: undefined } });
  });

  it("refuses one oversized file among several, and a schema failure never echoes a file", async () => {
    const Several = z.object({ title: z.string().max(20), evidence: z.array(fileSchema()).max(3) });
    const handler = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    const action = publicAction(Several, handler);
    const tooLarge = await action(null, upload({ title: "Two", evidence: [file(10), file(FILE_MAX_BYTES + 1)] }));
    expect(tooLarge.ok === false && tooLarge.fieldErrors).toEqual({
      evidence: { key: "limits.fileTooLarge", values: { max: 10 } },
    });
    const tooMany = await action(null, upload({ title: "Four", evidence: [file(1), file(2), file(3), file(4)] }));
    expect(tooMany).toMatchObject({ ok: false, values: { title: "Four", evidence: [] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("holds a tenant action's files to the same limit", async () => {
    const { tenant, admin } = await createTenantWithPeople();
    const handler = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    const action = tenantAction(z.object({ tenant: z.string(), evidence: fileSchema() }), handler);
    signInAs(admin);
    const data = new FormData();
    data.append("tenant", tenant.slug);
    data.append("evidence", file(FILE_MAX_BYTES + 1));
    expect(await action(null, data)).toMatchObject({
      ok: false,
      fieldErrors: { evidence: { key: "limits.fileTooLarge" } },
    });
    data.set("evidence", file(100));
    expect(await action(null, data)).toEqual({ ok: true });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
