import "server-only";
// Activities of a plan, as the activity form reads and writes them; the browse views are in
// ../activity-queries. The types the form needs live in lib/domain/types/activities.
export type { ActivityForEdit, ActivityFormOptions, ActivityInput, SaveResult } from "@/lib/domain/types/activities";
export { getActivityForEdit, getActivityFormOptions, isActivityCodeFree } from "./form";
export { createActivity, updateActivity } from "./write";
export { activityRuleErrors } from "./rules";
export { deleteActivity, setActivityArchived } from "./remove";
