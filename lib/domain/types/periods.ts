// What the reporting-periods page renders: plain, serialisable shapes returned by
// lib/data/reporting/periods.ts. Pure types, so components import them from here.
import type { UpdateStatus } from "@/lib/domain/enums";
import type { PeriodStatus } from "@/lib/domain/periods";
import type { Texts } from "@/lib/domain/texts";

/** A period with its days ("YYYY-MM-DD"), its state and why, who closed or reopened it, and its updates by status. */
export interface PeriodListItem {
  id: string;
  label: Texts;
  startDate: string;
  endDate: string;
  opensOn: string;
  dueDate: string;
  locksOn: string;
  version: number;
  status: PeriodStatus;
  closedOn: string | null;
  closedBy: string | null;
  reopenedUntil: string | null;
  reopenedBy: string | null;
  /** Updates of this period by status (every status present, 0 when none). */
  counts: Record<UpdateStatus, number>;
  /** No update was ever written in it: it may be deleted. */
  deletable: boolean;
}

export interface PeriodsOfPlan {
  plan: { id: string; title: Texts; startDate: string; endDate: string; status: "DRAFT" | "ACTIVE" | "CLOSED" };
  periods: PeriodListItem[];
}

/** An exception to a period's lock, for one agency or one activity, with who granted it and when. */
export interface ExceptionView {
  id: string;
  periodId: string;
  periodLabel: Texts;
  agency: { id: string; name: Texts } | null;
  activity: { id: string; code: string; title: Texts } | null;
  until: string;
  reason: string;
  grantedBy: string | null;
  /** "YYYY-MM-DD" of the grant. */
  grantedOn: string;
  revokedOn: string | null;
  /** Not revoked, and `until` not passed. */
  active: boolean;
}

/** What an exception may be granted for: the tenant's agencies and the plan's activities. */
export interface ExceptionChoices {
  agencies: { id: string; name: Texts }[];
  activities: { id: string; code: string; title: Texts }[];
}
