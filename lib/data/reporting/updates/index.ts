import "server-only";
// Progress updates: one per activity and period, written by the lead agency's focal points,
// signed off by the agency when the tenant asks for it, approved or returned by a coordinator.
// The table of who may do what is lib/domain/progress.ts; the files here enforce it inside the door,
// records every step in the audit log (the update's trail) and writes the notifications it causes
// in the same transaction. Approval is what moves the activity's status and percent.
export { getReport, reportablePeriods } from "./read";
export { carryForward, reportRuleErrors, saveReport, type SaveReportInput } from "./write";
export { approveMany, transitionUpdate, type ReviewAction } from "./steps";
