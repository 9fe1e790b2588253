import Link from "next/link";
import type { AgencyActivityRow } from "@/lib/domain/types/activity-browse";
import { textOf } from "@/lib/domain/texts";
import { Text, type Reading } from "@/components/ui/text";
import { PlanStatusBadge } from "@/components/ui/status-badge";
import { ActivityTable } from "./activity-table";

export interface PlanGroup {
  plan: AgencyActivityRow["plan"];
  rows: AgencyActivityRow[];
}

/** Rows (already ordered newest plan first) grouped by plan, keeping that order. */
export function groupByPlan(rows: AgencyActivityRow[]): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const row of rows) {
    const group = groups.get(row.plan.id) ?? { plan: row.plan, rows: [] };
    group.rows.push(row);
    groups.set(row.plan.id, group);
  }
  return [...groups.values()];
}

/** One table per plan, each under the plan's title, with the agency's part (lead or partner). */
export async function PlanGroups({
  tenant,
  groups,
  caption,
  reading,
}: {
  tenant: string;
  groups: PlanGroup[];
  caption: (plan: string) => string;
  reading: Reading;
}) {
  return (
    <div className="flex flex-col gap-6">
      {groups.map(({ plan, rows }) => {
        const title = textOf(plan.title, reading);
        return (
          <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="flex flex-col gap-2">
            <h3 id={`plan-${plan.id}`} className="flex flex-wrap items-center gap-2 text-lg font-medium">
              <Link href={`/${tenant}/plans/${plan.id}`} className="text-brand-700 hover:underline">
                <Text value={plan.title} reading={reading} />
              </Link>
              <PlanStatusBadge status={plan.status} />
            </h3>
            <ActivityTable tenant={tenant} rows={rows} caption={caption(title)} reading={reading} showRole />
          </section>
        );
      })}
    </div>
  );
}
