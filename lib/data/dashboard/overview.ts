import "server-only";
// The overview across countries, for people who belong to several tenants (IOM and partner staff):
// per tenant, the dashboard's default view (the active plan as of its latest opened period) and
// its headline and pillar figures. Each tenant's context is built from the person's own
// memberships in the database, as a tenant page builds it; a tenant they do not belong to (or no
// longer do) is never read, and each tenant's figures are counted in that tenant's own door.
import { can } from "@/lib/domain/roles";
import type { CountryOverview } from "@/lib/domain/types/dashboard";
import type { SessionUser, TenantContext } from "../context";
import { resolveMyTenantContexts } from "../tenants";
import { dashboardHeadline, dashboardRollup, dashboardView } from "./index";

interface Options {
  today?: Date;
  /** The reader's language: the tenants' order, and the figures' cache key as the dashboard's. */
  locale?: string;
}

async function overviewOf(ctx: TenantContext, opts: Options): Promise<CountryOverview> {
  const view = await dashboardView(ctx, {}, opts);
  const [headline, rollup] = await Promise.all([dashboardHeadline(ctx, view, opts), dashboardRollup(ctx, view, opts)]);
  return {
    tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name },
    view,
    headline,
    // With no pillar in the view the roll-up is the pillars' (the four, and "no pillar" when a section has none).
    pillars: rollup?.level === "pillars" ? rollup.rows : [],
  };
}

/** One line per tenant this person belongs to, in the order of the tenants' names; the tenants in parallel. */
export async function countryOverview(user: SessionUser, opts: Options = {}): Promise<CountryOverview[]> {
  const contexts = await resolveMyTenantContexts(user, opts.locale);
  return Promise.all(contexts.filter((ctx) => can(ctx.role, "tenant.view")).map((ctx) => overviewOf(ctx, opts)));
}
