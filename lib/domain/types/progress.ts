// The shapes of progress reporting that the form, the data layer and the pages share.
import type { ActivityStatus, EvidenceAccess, IndicatorUnit, IndicatorValueKind, UpdateStatus } from "../enums";
import type { PeriodStatus } from "../periods";
import type { UpdateAction } from "../progress";
import type { Texts } from "../texts";
import type { Disaggregation } from "./indicators";

/** One indicator's value as the form posts it: amounts as decimal strings, null when left empty. */
export interface IndicatorValueInput {
  indicatorId: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  /** Per dimension, per category: { sex: { female: 12, male: 8 } }; null when not broken down. */
  breakdown: Record<string, Record<string, number>> | null;
  /** Why the cells do not add up to the total, or anything else about the value. */
  note: string | null;
}

/** What a focal point writes for an activity and a period. */
export interface UpdateInput {
  activityStatus: ActivityStatus;
  percentComplete: number;
  achievements: Texts;
  challenges: Texts;
  nextSteps: Texts;
  values: IndicatorValueInput[];
}

export interface EvidenceView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  access: EvidenceAccess;
  /** The partner agency's contribution it belongs to; null for the lead agency's own. */
  contributionId: string | null;
  uploadedBy: string | null;
  createdAt: Date;
}

export interface ContributionView {
  id: string;
  agencyId: string;
  agency: { name: Texts; shortName: Texts };
  note: Texts;
  author: string | null;
  version: number;
  updatedAt: Date;
}

/** One step of an update's trail: who moved it where, when, with what comment. */
export interface TrailStep {
  action: string;
  at: Date;
  by: string | null;
  comment: string | null;
  /** For a submission: the fields that changed since the previous submission (names as in UpdateInput). */
  changed: string[];
}

export interface IndicatorForReport {
  id: string;
  name: Texts;
  unit: IndicatorUnit;
  unitLabel: Texts;
  /** What a report gives: the total so far, or this period's figure only. */
  valueKind: IndicatorValueKind;
  baseline: number | null;
  target: number | null;
  disaggregation: Disaggregation[];
}

export interface UpdateValues {
  activityStatus: ActivityStatus;
  percentComplete: number;
  achievements: Texts;
  challenges: Texts;
  nextSteps: Texts;
  noChange: boolean;
  values: IndicatorValueInput[];
}

/** An update as the report form, the review page and the activity page show it. */
export interface UpdateView extends UpdateValues {
  id: string;
  status: UpdateStatus;
  version: number;
  reviewComment: string | null;
  author: string | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  signedOffAt: Date | null;
  signedOffBy: string | null;
  reviewedAt: Date | null;
  reviewer: string | null;
  updatedAt: Date;
  evidence: EvidenceView[];
  contributions: ContributionView[];
  trail: TrailStep[];
}

/** Everything the report page needs for one activity and one period. */
export interface ReportContext {
  activity: {
    id: string;
    code: string;
    title: Texts;
    planId: string;
    leadAgencyId: string | null;
    partnerAgencyIds: string[];
    status: ActivityStatus;
    percentComplete: number;
  };
  period: {
    id: string;
    label: Texts;
    startDate: string;
    endDate: string;
    dueDate: string;
    locksOn: string;
    status: PeriodStatus;
  };
  /** The period accepts changes today (its state, or an exception until `exceptionUntil`). */
  acceptsReports: boolean;
  exceptionUntil: string | null;
  indicators: IndicatorForReport[];
  update: UpdateView | null;
  /** The last approved update of an earlier period: what "No change" carries forward. */
  previousApproved: (UpdateValues & { id: string; periodLabel: Texts; reviewedAt: Date | null }) | null;
  /** What this person may do now. */
  actions: UpdateAction[];
  /** This person is a focal point of a partner agency: they add a contribution. */
  partnerAgencyId: string | null;
  agencySignOff: boolean;
}
