import { tenantRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

// Who the caller is in this tenant: the first call an API client makes, and the smallest proof
// that the route wrapper resolves the tenant from the caller's own membership.
export const GET = tenantRoute("tenant.view", (_request, { ctx }) =>
  Response.json({ tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name }, role: ctx.role }),
);
