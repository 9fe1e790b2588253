import "server-only";
// A plan's structure: sections (mapped to a pillar or none), objectives under them, and the order
// of sections, objectives and activities. Every change: plans.manage, an editable (not closed)
// plan of this tenant, and an audit event, all in one door call (one transaction). Renames carry
// the record's version.
export { archiveSection, createSection, deleteSection, updateSection, type SectionInput } from "./sections";
export { archiveObjective, createObjective, deleteObjective, updateObjective, type ObjectiveInput } from "./objectives";
export { objectiveRuleErrors, sectionRuleErrors } from "./rules";
export { moveActivity, moveObjective, moveSection, STRUCTURE_ORDER } from "./ordering";
