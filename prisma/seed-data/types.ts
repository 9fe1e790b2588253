// Shapes of the demo content. Content files (users.ts, turkmenistan.ts, neighbours.ts) are plain
// data in these shapes; builder.ts turns them into rows.
import type {
  ActivityStatus,
  AgencyKind,
  IndicatorDirection,
  IndicatorUnit,
  IndicatorValueKind,
  Pillar,
  PlanStatus,
  Role,
} from "@/generated/prisma/enums";

/** baselineSource of figures marked [S] in docs/demo-content.md. */
export const S = "public source";
export const S_RU = "открытый источник";

// Content is written in English with its Russian beside it (`ru`, or a field's "...Ru" twin): the
// builder stores each as a map from language to text, as the app does.

export interface AgencySpec {
  /** Referenced by activities and memberships within the tenant's content. */
  key: string;
  name: string;
  ru: string;
  short?: string;
  shortRu?: string;
  kind: AgencyKind;
}

export interface IndicatorSpec {
  name: string;
  ru: string;
  unit?: IndicatorUnit;
  /** unitLabel, e.g. "officers trained". */
  label?: string;
  labelRu?: string;
  baseline?: number;
  baselineYear?: number;
  /** S for a sourced baseline (its Russian is S_RU). */
  source?: string;
  sourceRu?: string;
  target?: number;
  targetYear?: number;
  direction?: IndicatorDirection;
  /**
   * CUMULATIVE (the default): each update gives the total so far. PER_PERIOD: each gives what its
   * period achieved (people trained that quarter), and the updates add up to the total.
   */
  valueKind?: IndicatorValueKind;
  /** Disaggregated by sex (female/male). */
  bySex?: boolean;
}

export interface ActivitySpec {
  code: string;
  title: string;
  ru: string;
  description?: string;
  descriptionRu?: string;
  lead?: string;
  partners?: string[];
  /** "2025" (1 January) or "2025-07" (first of the month). */
  start: string;
  /** "2029" (31 December) or "2026-06" (last of the month). */
  end: string;
  budget?: number;
  currency?: "USD" | "TMT" | "KZT" | "KGS";
  funding?: string;
  fundingRu?: string;
  /** Status and percent as last reported; updates ramp up to them. */
  status: ActivityStatus;
  percent: number;
  indicators?: IndicatorSpec[];
  /** Achievements reported over time, oldest first (spread over the updates). */
  reports?: string[];
  challenge?: string;
  next?: string;
  /** The update of the last finished period is not yet approved. */
  last?: "SUBMITTED" | "RETURNED";
  returnComment?: string;
  /** A draft in the open period, with these achievements (and their Russian). */
  draft?: string;
  draftRu?: string;
}

export interface ObjectiveSpec {
  code: string;
  title: string;
  ru: string;
  indicators?: IndicatorSpec[];
  activities: ActivitySpec[];
}

export interface SectionSpec {
  code: string;
  title: string;
  ru: string;
  pillar: Pillar | null;
  objectives: ObjectiveSpec[];
}

export type Cadence = "quarterly" | "half-yearly" | "yearly";

export interface PlanSpec {
  key: string;
  title: string;
  ru: string;
  description: string;
  descriptionRu?: string;
  start: string;
  end: string;
  status: PlanStatus;
  predecessor?: string;
  cadence: Cadence;
  sections: SectionSpec[];
}

export interface TenantSpec {
  slug: string;
  name: string;
  nameRu?: string;
  countryCode: string;
  defaultLocale: string;
  agencies: AgencySpec[];
  /** Predecessors before successors. */
  plans: PlanSpec[];
}

export interface UserSpec {
  email: string;
  name: string;
  locale: string | null;
  isPlatformAdmin?: boolean;
  memberships: { tenant: string; role: Role; agency?: string }[];
  /** Shown in the list of demo sign-ins. */
  description: string;
}
