// The activity list's state (filters, sort, page) lives in the URL so a link can be shared and a
// reload keeps it. Anything a person can type into the address bar must parse: unknown or
// invalid values fall back to their defaults, never to an error page.
import { z } from "@/lib/validation/zod";
import { first, OptionalIdSchema } from "./query";
import { ACTIVITY_STATUSES, AGENCY_PARTS, PILLARS, type ActivityStatus, type Pillar } from "@/lib/domain/enums";

/** With an agency: lead or partner (any), lead only, or partner only. */
export const AGENCY_ROLES = ["any", ...AGENCY_PARTS] as const;
export const SORT_KEYS = ["code", "plannedEnd", "status", "percent", "title"] as const;
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const MAX_SEARCH_LENGTH = 200;

export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export type PageSize = (typeof PAGE_SIZES)[number];

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Every value of a repeated key, also accepting "a,b" from hand-written links. */
const all = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) => String(x).split(","));

export const ActivityListQuerySchema = z.object({
  plan: OptionalIdSchema,
  pillar: z.preprocess(first, z.enum(PILLARS)).nullable().catch(null),
  objective: OptionalIdSchema,
  agency: OptionalIdSchema,
  role: z.preprocess(first, z.enum(AGENCY_ROLES)).catch("any"),
  status: z
    .preprocess(all, z.array(z.string()))
    .transform((values) => ACTIVITY_STATUSES.filter((s) => values.includes(s)))
    .catch([]),
  overdue: z
    .preprocess(first, z.string())
    .transform((v) => ["1", "true", "on", "yes"].includes(v))
    .catch(false),
  q: z
    .preprocess(first, z.string())
    .transform((v) => v.replace(/\s+/g, " ").trim().slice(0, MAX_SEARCH_LENGTH))
    .catch(""),
  sort: z.preprocess(first, z.enum(SORT_KEYS)).catch("code"),
  dir: z.preprocess(first, z.enum(SORT_DIRECTIONS)).catch("asc"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
  size: z
    .preprocess(first, z.coerce.number())
    .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
    .transform((n) => n as PageSize)
    .catch(25),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

export interface ActivityFilters {
  plan: string | null;
  pillar: Pillar | null;
  objective: string | null;
  agency: string | null;
  /** With an agency: lead or partner (any), lead only, or partner only. */
  role: (typeof AGENCY_ROLES)[number];
  status: ActivityStatus[];
  overdue: boolean;
  q: string;
}
export interface ActivitySort {
  by: SortKey;
  dir: SortDirection;
}
export interface PageRequest {
  page: number;
  size: PageSize;
}
export interface ActivityListState {
  filters: ActivityFilters;
  sort: ActivitySort;
  page: PageRequest;
}

export const DEFAULT_FILTERS: ActivityFilters = {
  plan: null,
  pillar: null,
  objective: null,
  agency: null,
  role: "any",
  status: [],
  overdue: false,
  q: "",
};
export const DEFAULT_SORT: ActivitySort = { by: "code", dir: "asc" };
export const DEFAULT_PAGE: PageRequest = { page: 1, size: 25 };

/** The list state from Next's searchParams (or a URLSearchParams); never throws. */
export function parseActivityListParams(params: RawParams | null | undefined): ActivityListState {
  const raw: Record<string, unknown> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
  } else if (params) {
    Object.assign(raw, params);
  }
  const q = ActivityListQuerySchema.parse(raw);
  return {
    filters: {
      plan: q.plan,
      pillar: q.pillar,
      objective: q.objective,
      agency: q.agency,
      role: q.role,
      status: q.status,
      overdue: q.overdue,
      q: q.q,
    },
    sort: { by: q.sort, dir: q.dir },
    page: { page: q.page, size: q.size },
  };
}

export interface StatePatch {
  filters?: Partial<ActivityFilters>;
  sort?: Partial<ActivitySort>;
  page?: Partial<PageRequest>;
}

/** The state as a query string, leaving out defaults so shared links stay short and stable. */
export function serializeActivityListState(state: ActivityListState, patch: StatePatch = {}): string {
  const f = { ...state.filters, ...patch.filters };
  const s = { ...state.sort, ...patch.sort };
  const p = { ...state.page, ...patch.page };
  const out = new URLSearchParams();
  if (f.plan) out.set("plan", f.plan);
  if (f.pillar) out.set("pillar", f.pillar);
  if (f.objective) out.set("objective", f.objective);
  if (f.agency) out.set("agency", f.agency);
  if (f.agency && f.role !== "any") out.set("role", f.role);
  for (const status of ACTIVITY_STATUSES.filter((x) => f.status.includes(x))) out.append("status", status);
  if (f.overdue) out.set("overdue", "1");
  if (f.q) out.set("q", f.q);
  if (s.by !== DEFAULT_SORT.by) out.set("sort", s.by);
  if (s.dir !== DEFAULT_SORT.dir) out.set("dir", s.dir);
  if (p.page !== DEFAULT_PAGE.page) out.set("page", String(p.page));
  if (p.size !== DEFAULT_PAGE.size) out.set("size", String(p.size));
  return out.toString();
}

/** Whether any filter narrows the list (the plan choice alone does not). */
export function hasActiveFilters(f: ActivityFilters): boolean {
  return Boolean(f.pillar || f.objective || f.agency || f.status.length > 0 || f.overdue || f.q);
}
