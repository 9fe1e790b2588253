import { tenantRoute } from "@/lib/api/route";
import { apiError } from "@/lib/api/responses";
import { saveReport } from "@/lib/data/reporting/updates";
import { fieldErrorsFrom, formDataToObject } from "@/lib/validation/form";
import { DraftSchema } from "@/lib/validation/progress";

export const dynamic = "force-dynamic";

/** Only the app's own pages post here: the browser's Origin must be this host. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

// The report form's draft, saved when the page is hidden or left (fetch with keepalive from
// report-form.tsx): the same data function as "Save draft", without files. Answers the new
// version, which the form then carries, so the next explicit save is not a conflict with itself.
export const POST = tenantRoute<{ tenant: string; activityId: string }>(
  "progress.report",
  async (request, { params, ctx }) => {
    if (!sameOrigin(request)) return apiError(403, "forbidden");
    const raw = formDataToObject(await request.formData());
    const parsed = DraftSchema.safeParse({ ...raw, tenant: params.tenant, activityId: params.activityId });
    if (!parsed.success) return apiError(422, "invalid", { fieldErrors: fieldErrorsFrom(parsed.error) });
    const { tenant: _t, activityId, periodId, version, ...input } = parsed.data;
    const saved = await saveReport(ctx, { activityId, periodId, version, input, submit: false });
    return Response.json(saved);
  },
);
