// Links within the dashboard keep its state: the same plan, period, filters and switch, with the
// one change a link makes (a drill-down, a sort, a page). Defaults are left out of the URL.
import type { DashboardQuery } from "@/lib/validation/dashboard";

export type DashboardState = Pick<
  DashboardQuery,
  "plan" | "asOf" | "pillar" | "objective" | "agency" | "submitted" | "sort" | "dir" | "ip"
>;

export function dashboardHref(slug: string, state: DashboardState, change: Partial<DashboardState> = {}): string {
  const s = { ...state, ...change };
  const params = new URLSearchParams();
  if (s.plan) params.set("plan", s.plan);
  if (s.asOf) params.set("asOf", s.asOf);
  if (s.pillar) params.set("pillar", s.pillar);
  if (s.objective) params.set("objective", s.objective);
  if (s.agency) params.set("agency", s.agency);
  if (s.submitted) params.set("submitted", "1");
  if (s.sort !== "name") params.set("sort", s.sort);
  if (s.dir !== "asc") params.set("dir", s.dir);
  if (s.ip > 1) params.set("ip", String(s.ip));
  const query = params.toString();
  return `/${slug}${query ? `?${query}` : ""}`;
}
