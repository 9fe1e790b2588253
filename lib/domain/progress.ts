// The life of a progress update, as a table of who may move it where. Pure: the data layer
// enforces it (lib/data/reporting/), pages use it to decide which buttons to show.
//
//   DRAFT ──submit──▶ SUBMITTED ──sign off──▶ SIGNED_OFF ──approve──▶ APPROVED
//     ▲                  │  └──────approve (no sign-off asked)──────────▲   │
//     │                  └─return──▶ RETURNED ◀──return── SIGNED_OFF    │   │
//     └──────── save ──── RETURNED ──submit──▶ SUBMITTED                 │   │
//                                   APPROVED ──reopen (coordinator, reason)─▶ RETURNED
import type { Role, UpdateStatus } from "./enums";
import type { MessageRef } from "./errors";
import type { IndicatorForReport, IndicatorValueInput } from "./types/progress";

export const UPDATE_ACTIONS = ["save", "submit", "signOff", "approve", "return", "reopen"] as const;
export type UpdateAction = (typeof UPDATE_ACTIONS)[number];

/** Who the person is to this update. */
export interface Standing {
  role: Role;
  /** A focal point of the activity's lead agency (or one it was handed over to). */
  ofLeadAgency: boolean;
  /** The lead agency's primary focal point, or the colleague it was handed over to. */
  primaryOfLeadAgency: boolean;
  /** This person submitted the update's current version. */
  submittedIt: boolean;
}

export interface UpdateFacts {
  status: UpdateStatus;
  /** The tenant asks for the lead agency's sign-off before review. */
  agencySignOff: boolean;
  /** The period (or an exception) accepts reports today. */
  periodAcceptsReports: boolean;
}

/** Why an action is refused: a key under `progress.refused`. */
export type Refusal =
  | "notAllowedInState"
  | "periodLocked"
  | "notReporter"
  | "notSignatory"
  | "notReviewer"
  | "ownSubmission"
  | "signOffFirst";

const FROM: Record<UpdateAction, readonly UpdateStatus[]> = {
  save: ["DRAFT", "RETURNED"],
  submit: ["DRAFT", "RETURNED"],
  signOff: ["SUBMITTED"],
  approve: ["SUBMITTED", "SIGNED_OFF"],
  return: ["SUBMITTED", "SIGNED_OFF"],
  reopen: ["APPROVED"],
};

export const NEXT_STATUS: Record<UpdateAction, UpdateStatus | null> = {
  save: null,
  submit: "SUBMITTED",
  signOff: "SIGNED_OFF",
  approve: "APPROVED",
  return: "RETURNED",
  reopen: "RETURNED",
};

const REVIEWERS: readonly Role[] = ["ADMIN", "COORDINATOR"];

/** Whether the person may write the update's content: focal points of the lead agency, coordinators, admins. */
export function isReporter(s: Standing): boolean {
  return s.role === "FOCAL_POINT" ? s.ofLeadAgency : REVIEWERS.includes(s.role);
}

/** null when allowed, else why not. */
export function refusal(action: UpdateAction, facts: UpdateFacts, who: Standing): Refusal | null {
  if (!FROM[action].includes(facts.status)) return "notAllowedInState";
  switch (action) {
    case "save":
    case "submit":
      if (!isReporter(who)) return "notReporter";
      if (!facts.periodAcceptsReports) return "periodLocked";
      return null;
    case "signOff":
      if (!facts.agencySignOff) return "notAllowedInState";
      if (!(who.role === "FOCAL_POINT" && who.primaryOfLeadAgency)) return "notSignatory";
      if (who.submittedIt) return "ownSubmission";
      return null;
    case "approve":
      if (!REVIEWERS.includes(who.role)) return "notReviewer";
      if (who.submittedIt) return "ownSubmission";
      if (facts.agencySignOff && facts.status === "SUBMITTED") return "signOffFirst";
      return null;
    case "return":
    case "reopen":
      if (!REVIEWERS.includes(who.role)) return "notReviewer";
      return null;
  }
}

/** The actions this person may take now, for the buttons a page shows. */
export function allowedActions(facts: UpdateFacts, who: Standing): UpdateAction[] {
  return UPDATE_ACTIONS.filter((a) => refusal(a, facts, who) === null);
}

/** Actions that need a comment: returning, and reopening an approved update. */
export function needsComment(action: UpdateAction): boolean {
  return action === "return" || action === "reopen";
}

// Values ---------------------------------------------------------------------------------------

/** A percentage from its numerator and denominator, to two decimals, as a decimal string. */
export function percentOf(numerator: string, denominator: string): string {
  return ((Number(numerator) / Number(denominator)) * 100).toFixed(2).replace(/\.?0+$/, "");
}

/**
 * The rules one indicator's value keeps, as field errors named `values.<index>.<field>`, all at
 * once: yes / no is 0 or 1; a percentage is 0-100, and numerator and denominator come together
 * (the value is then theirs); the cells of each breakdown add up to the total, or a note says why.
 * Returns the value to store (a percentage computed from its parts).
 */
export function checkIndicatorValue(
  indicator: Pick<IndicatorForReport, "unit" | "disaggregation">,
  v: IndicatorValueInput,
  index: number,
): { errors: Record<string, MessageRef>; value: string | null } {
  const errors: Record<string, MessageRef> = {};
  const at = (field: string) => `values.${index}.${field}`;
  let value = v.value;
  if (indicator.unit === "PERCENT" && (v.numerator !== null || v.denominator !== null)) {
    if (v.numerator === null) errors[at("numerator")] = { key: "progress.errors.numeratorMissing" };
    else if (v.denominator === null) errors[at("denominator")] = { key: "progress.errors.denominatorMissing" };
    else if (Number(v.denominator) <= 0) errors[at("denominator")] = { key: "progress.errors.denominatorPositive" };
    else if (Number(v.numerator) > Number(v.denominator))
      errors[at("numerator")] = { key: "progress.errors.numeratorOverDenominator" };
    else value = percentOf(v.numerator, v.denominator);
  }
  if (value !== null) {
    const n = Number(value);
    if (indicator.unit === "YES_NO" && n !== 0 && n !== 1) errors[at("value")] = { key: "progress.errors.yesNo" };
    if (indicator.unit === "PERCENT" && (n < 0 || n > 100))
      errors[at("value")] = { key: "progress.errors.percentRange" };
  }
  if (v.breakdown && value !== null && !v.note?.trim()) {
    for (const d of indicator.disaggregation) {
      const cells = v.breakdown[d.dimension];
      if (!cells || Object.keys(cells).length === 0) continue;
      const sum = Object.values(cells).reduce((a, b) => a + Number(b), 0);
      if (Math.abs(sum - Number(value)) > 0.005) {
        errors[at("note")] = {
          key: "progress.errors.cellsDoNotAdd",
          values: { dimension: d.dimension, sum, total: value },
        };
        break;
      }
    }
  }
  return { errors, value };
}

/**
 * What "No change this period" carries from the last approved update into this period's, one value
 * per indicator the activity has now (values of indicators archived since are left behind: the
 * report refuses them). The rule: no indicator's actual moves.
 * - CUMULATIVE: the value is the total so far, so the previous one is carried as it was.
 * - PER_PERIOD, a number: 0. The actual is the sum of the periods' values, so carrying the previous
 *   figure would count it twice; "nothing changed" is an explicit nought, which the activity page
 *   then shows as reported (0), not as missing.
 * - PER_PERIOD, a percentage or yes / no: no value. A period with nothing done has no numerator
 *   and denominator (0 of 0 is no percentage, and 0 % would drag the actual down), and "no" is not
 *   what "no change" says of a yes / no question; a missing value leaves the actual as it was.
 */
export function carriedValues(
  indicators: readonly Pick<IndicatorForReport, "id" | "unit" | "valueKind">[],
  previous: readonly IndicatorValueInput[],
): IndicatorValueInput[] {
  const before = new Map(previous.map((v) => [v.indicatorId, v]));
  return indicators.flatMap((i): IndicatorValueInput[] => {
    if (i.valueKind === "CUMULATIVE") {
      const v = before.get(i.id);
      return v ? [v] : [];
    }
    if (i.unit !== "NUMBER") return [];
    return [{ indicatorId: i.id, value: "0", numerator: null, denominator: null, breakdown: null, note: null }];
  });
}
