// The coordinator's desk: the review queue's filters (in the URL, so anything typed there must
// parse: unknown values fall back to their defaults), the review actions' inputs, and the shapes
// the queue and the compliance matrix hand to pages (types the UI needs live beside the contract).
import { z } from "@/lib/validation/zod";
import { first, OptionalIdSchema } from "./query";
import { PILLARS, UPDATE_STATUSES, type Pillar, type UpdateStatus } from "@/lib/domain/enums";
import type { Refusal } from "@/lib/domain/progress";
import type { Texts } from "@/lib/domain/texts";
import { IdSchema, TenantSlugSchema, VersionSchema } from "./common";

/** "waiting": submitted or signed off, what a reviewer acts on (the default); "all": every state. */
export const QUEUE_STATES = ["waiting", "all", ...UPDATE_STATUSES] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export const QUEUE_PAGE_SIZE = 25;
export const REVIEW_COMMENT_MAX = 2000;
/** At most this many updates approved in one go (one page of the queue, with room). */
export const BULK_MAX = 100;
/** The bulk approval form, which the rows' checkboxes belong to (form="..."): the table sits between them. */
export const BULK_FORM_ID = "approve-selected";

export const ReviewQuerySchema = z.object({
  period: OptionalIdSchema,
  pillar: z.preprocess(first, z.enum(PILLARS)).nullable().catch(null),
  agency: OptionalIdSchema,
  state: z.preprocess(first, z.enum(QUEUE_STATES)).catch("waiting"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

export interface ReviewFilters {
  periodId: string | null;
  pillar: Pillar | null;
  agencyId: string | null;
  state: QueueState;
  page: number;
}

export const DEFAULT_REVIEW_FILTERS: ReviewFilters = {
  periodId: null,
  pillar: null,
  agencyId: null,
  state: "waiting",
  page: 1,
};

type RawParams = Record<string, string | string[] | undefined>;

export function parseReviewParams(params: RawParams): ReviewFilters {
  const q = ReviewQuerySchema.parse(params);
  return { periodId: q.period, pillar: q.pillar, agencyId: q.agency, state: q.state, page: q.page };
}

/** The queue's address for these filters: defaults left out, so links stay short and shareable. */
export function reviewHref(tenant: string, f: Partial<ReviewFilters>): string {
  const q = new URLSearchParams();
  if (f.periodId) q.set("period", f.periodId);
  if (f.pillar) q.set("pillar", f.pillar);
  if (f.agencyId) q.set("agency", f.agencyId);
  if (f.state && f.state !== "waiting") q.set("state", f.state);
  if (f.page && f.page > 1) q.set("page", String(f.page));
  const s = q.toString();
  return `/${tenant}/review${s ? `?${s}` : ""}`;
}

// Actions ----------------------------------------------------------------------------------------

export const REVIEW_INTENTS = ["approve", "return"] as const;

/** One update approved or returned from its row; returning needs the comment (checked again in the data layer). */
export const ReviewUpdateSchema = z
  .object({
    tenant: TenantSlugSchema,
    updateId: IdSchema,
    version: VersionSchema,
    intent: z.enum(REVIEW_INTENTS, { error: "validation.invalid" }),
    comment: z
      .string()
      .trim()
      .max(REVIEW_COMMENT_MAX, { error: "validation.tooLong" })
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.intent !== "return" || Boolean(v.comment), {
    path: ["comment"],
    error: "progress.refused.commentRequired",
  });
export type ReviewUpdateInput = z.infer<typeof ReviewUpdateSchema>;

/** A checkbox's value: the update and the version the queue showed, "id:version". */
const SelectedSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}:\d{1,10}$/, { error: "validation.invalid" });

export const ApproveSelectedSchema = z.object({
  tenant: TenantSlugSchema,
  selected: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(SelectedSchema))
    .pipe(
      z.array(z.string()).min(1, { error: "review.bulk.noneSelected" }).max(BULK_MAX, { error: "validation.tooLong" }),
    ),
});
export type ApproveSelectedInput = z.infer<typeof ApproveSelectedSchema>;

export function parseSelected(values: readonly string[]): { updateId: string; version: number }[] {
  const seen = new Set<string>();
  return values.flatMap((v) => {
    const [updateId, version] = v.split(":");
    if (seen.has(updateId)) return [];
    seen.add(updateId);
    return [{ updateId, version: Number(version) }];
  });
}

// What the data layer hands to pages ------------------------------------------------------------

export interface ReviewRow {
  id: string;
  version: number;
  status: UpdateStatus;
  activity: { id: string; code: string; title: Texts };
  pillar: Pillar | null;
  leadAgency: { id: string; name: Texts } | null;
  period: { id: string; label: Texts };
  submittedBy: string | null;
  submittedAt: Date | null;
  /** This reviewer may approve it now, with no comment needed: what bulk approval takes. */
  approvable: boolean;
  /** Why approving is refused now (own submission, sign-off first, not in a state to approve). */
  approveRefusal: Refusal | null;
  /** It can be returned (with a comment) now. */
  returnable: boolean;
}

export interface ReviewPage {
  rows: ReviewRow[];
  total: number;
  page: number;
  size: number;
  pageCount: number;
}

export interface ReviewFilterOptions {
  periods: { id: string; label: Texts; planTitle: Texts; startDate: string }[];
  agencies: { id: string; name: Texts }[];
}

export interface ComplianceCounts {
  due: number;
  draft: number;
  /** Submitted or signed off: waiting for review. */
  submitted: number;
  approved: number;
  returned: number;
  missing: number;
  /** Updates submitted on or before the due date (whatever happened to them after). */
  onTime: number;
  /** onTime / due, as a percentage rounded to a whole number; null when nothing is due. */
  onTimeRate: number | null;
}

export interface ComplianceRow extends ComplianceCounts {
  agency: { id: string; name: Texts };
}

export interface ComplianceMatrix {
  plan: { id: string; title: Texts } | null;
  period: { id: string; label: Texts; startDate: string; endDate: string; dueDate: string } | null;
  periods: { id: string; label: Texts }[];
  rows: ComplianceRow[];
  totals: ComplianceCounts;
}

export const ComplianceQuerySchema = z.object({ period: OptionalIdSchema, plan: OptionalIdSchema });
