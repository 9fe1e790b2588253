import "server-only";
// Read-only views of activities: the filtered list, one activity, a focal point's own, an agency's.
// Each function is one door (lib/data/door.ts); the list is the plan, the page and the count. The
// types the pages render live in lib/domain/types/activity-browse.
export type {
  ActivityDetail,
  ActivityPage,
  ActivityRow,
  AgencyActivityRow,
  AgencyOverview,
  AgencyRef,
  Disaggregation,
  FilterOptions,
  IndicatorDetail,
  Texts,
  MyActivities,
  PlanRef,
  QueryOptions,
  StatusCounts,
} from "@/lib/domain/types/activity-browse";
export { getActivityFilterOptions, listActivities } from "./list";
export { getActivityDetail } from "./detail";
export { getAgencyOverview, listMyActivities } from "./agency";
