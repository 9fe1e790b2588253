import type { TenantContext } from "@/lib/data/context";
import type { Reading } from "@/lib/domain/texts";
import type { DashboardView } from "@/lib/domain/types/dashboard";
import type { DashboardState } from "@/components/dashboard/href";

/** What the dashboard page gives each of its parts. */
export interface PartProps {
  ctx: TenantContext;
  view: DashboardView;
  locale: string;
  reading: Reading;
}

/** A part whose links (drill-down, sort, pages) keep the dashboard's state. */
export interface LinkedPartProps extends PartProps {
  state: DashboardState;
  slug: string;
}
