import { tenantRoute } from "@/lib/api/route";
import { getEvidenceFile } from "@/lib/data/reporting/evidence";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** RFC 5987: the name in UTF-8, percent-encoded, plus a plain ASCII fallback for old clients. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// An evidence file, for members of its tenant only (anyone else: 404, as for a missing file).
// Always an attachment, with the type sniffed when it was stored and no sniffing by the browser.
export const GET = tenantRoute<{ tenant: string; evidenceId: string }>(
  "tenant.view",
  async (_request, { params, ctx }) => {
    const file = await getEvidenceFile(ctx, params.evidenceId);
    return new Response(file.stream, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        "content-disposition": contentDisposition(file.fileName),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  },
);
