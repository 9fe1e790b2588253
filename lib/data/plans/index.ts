import "server-only";
// Plans: the overview's list, one plan's tree and edit form, and the changes managers make.
export { listPlanChoices, listPlans } from "./list";
export { getPlanForEdit, getPlanTree } from "./detail";
export {
  archivePlan,
  createPlan,
  deletePlan,
  planRuleErrors,
  updatePlan,
  DEFAULT_SECTIONS,
  type PlanInput,
} from "./write";
export { STRUCTURE_ORDER } from "../structure/ordering";
export type { PlanChoice, PlanForEdit, PlanSummary, PlanTree } from "@/lib/domain/types/plans";
