// The payload of every audit action: what its `before` and `after` hold, as zod schemas. Writers are
// checked against them (lib/data/audit.ts), and readers learn from them which fields are ids, days,
// amounts (lib/domain/audit-fields.ts), so nothing reads a payload back by guessing.
//
// Objects are strict: a field a writer adds must be added here too, with its kind, or the write fails
// in development and tests. A side an action leaves out (no `after` on a deletion) must stay empty.
// An update records only the fields that changed: its schema is the snapshot's, partial.
import { z } from "zod";
import type { AuditAction } from "./audit-actions";
import {
  amount,
  breakdown,
  day,
  kindOfSchema,
  oneOf,
  percent,
  ref,
  texts,
  year,
  type FieldKind,
  type RefEntity,
} from "./audit-fields";
import {
  ACTIVITY_STATUSES,
  AGENCY_KINDS,
  INDICATOR_DIRECTIONS,
  INDICATOR_UNITS,
  INDICATOR_VALUE_KINDS,
  PILLARS,
  PLAN_STATUSES,
  ROLES,
} from "./enums";
import { SECURITY_PAYLOADS } from "./security-payloads";

export interface PayloadSchemas {
  before?: z.ZodObject;
  after?: z.ZodObject;
}

const position = () => z.strictObject({ position: z.number().int() });
const archivedFlag = () => z.strictObject({ archived: z.boolean() });
/** A record as it was when archived or deleted: with its id and version. */
const asStored = { id: z.string(), version: z.number().int() };

/** lib/domain/activity-rules.ts ActivitySnapshot: everything the activity form edits. */
export const ActivitySnapshotSchema = z.strictObject({
  objectiveId: ref("Objective"),
  code: z.string(),
  title: texts(),
  description: texts(),
  expectedResults: texts(),
  leadAgencyId: ref("Agency").nullable(),
  partnerAgencyIds: z.array(ref("Agency")),
  plannedStart: day().nullable(),
  plannedEnd: day().nullable(),
  budget: amount().nullable(),
  currency: z.string().nullable(),
  fundingSource: texts(),
  status: oneOf("ActivityStatus", ACTIVITY_STATUSES),
  percentComplete: percent(),
});

/** lib/domain/types/indicators.ts IndicatorInput: everything the indicator form edits. */
export const IndicatorValuesSchema = z.strictObject({
  name: texts(),
  unit: oneOf("IndicatorUnit", INDICATOR_UNITS),
  unitLabel: texts(),
  baseline: amount().nullable(),
  baselineYear: year().nullable(),
  baselineSource: texts(),
  target: amount().nullable(),
  targetYear: year().nullable(),
  direction: oneOf("IndicatorDirection", INDICATOR_DIRECTIONS),
  valueKind: oneOf("IndicatorValueKind", INDICATOR_VALUE_KINDS),
  disaggregation: breakdown(),
});
/** IndicatorForEdit: the values with the indicator's id, version and archived flag. */
export const IndicatorForEditSchema = IndicatorValuesSchema.extend({ ...asStored, archived: z.boolean() });
/** Every indicator event names its activity, so the activity's history finds it after a deletion. */
const ofActivity = { activityId: ref("Activity") };

const PlanViewSchema = z.strictObject({
  title: texts(),
  description: texts(),
  startDate: day(),
  endDate: day(),
  status: oneOf("PlanStatus", PLAN_STATUSES),
  predecessorId: ref("Plan").nullable(),
});

const SectionFieldsSchema = z.strictObject({
  code: z.string(),
  title: texts(),
  pillar: oneOf("Pillar", PILLARS).nullable(),
});
const SectionViewSchema = z.strictObject({
  ...asStored,
  code: z.string(),
  title: texts(),
  pillar: oneOf("Pillar", PILLARS).nullable(),
});

const ObjectiveFieldsSchema = z.strictObject({
  code: z.string(),
  title: texts(),
  sectionId: ref("Section"),
});
const ObjectiveViewSchema = z.strictObject({
  ...asStored,
  sectionId: ref("Section"),
  code: z.string(),
  title: texts(),
});

const AgencyFieldsSchema = z.strictObject({
  name: texts(),
  shortName: texts(),
  kind: oneOf("AgencyKind", AGENCY_KINDS),
});

const RoleSchema = z.strictObject({ role: oneOf("Role", ROLES), agencyId: ref("Agency").nullable() });
/** Who is (or was) invited or a member: their address, role and, for a focal point, agency. */
const InviteeSchema = RoleSchema.extend({ email: z.string() });

/** A reporting period as its form edits it (lib/domain/periods.ts). */
/** A tenant's settings; `agencySignOff` is missing from events written before it existed. */
const TenantSettingsSchema = z.strictObject({
  name: texts(),
  contentLanguages: z.array(z.string()),
  agencySignOff: z.boolean().optional(),
});

const PeriodViewSchema = z.strictObject({
  planId: ref("Plan"),
  label: texts(),
  startDate: day(),
  endDate: day(),
  opensOn: day(),
  dueDate: day(),
  locksOn: day(),
});

const ExceptionSchema = z.strictObject({
  periodId: z.string(),
  agencyId: ref("Agency").nullable(),
  activityId: ref("Activity").nullable(),
  until: day(),
});

/** One indicator's value in an update. */
const UpdateValueSchema = z.strictObject({
  indicatorId: ref("Indicator"),
  value: amount().nullable(),
  numerator: amount().nullable(),
  denominator: amount().nullable(),
  breakdown: z.record(z.string(), z.record(z.string(), z.number())).nullable(),
  note: z.string().nullable(),
});

/** What a progress update holds when it is submitted: the trail compares one submission with the next. */
export const UpdateSnapshotSchema = z.strictObject({
  activityId: ref("Activity"),
  periodId: z.string(),
  activityStatus: oneOf("ActivityStatus", ACTIVITY_STATUSES),
  percentComplete: percent(),
  achievements: texts(),
  challenges: texts(),
  nextSteps: texts(),
  noChange: z.boolean(),
  values: z.array(UpdateValueSchema),
});
/** A step of an update that changes only its state (the comment goes in the event's reason). */
const UpdateStepSchema = z.strictObject({ activityId: ref("Activity"), periodId: z.string() });

const EvidenceSchema = z.strictObject({
  updateId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  access: z.enum(["RESTRICTED", "SHAREABLE"]),
});

const HandoverSchema = z.strictObject({
  agencyId: ref("Agency"),
  fromUserId: z.string(),
  toUserId: z.string(),
  until: day(),
});

const CONTENT_PAYLOADS = {
  "tenant.created": {
    after: z.strictObject({
      slug: z.string(),
      name: texts(),
      countryCode: z.string(),
      defaultLocale: z.string(),
      adminEmail: z.string(),
    }),
  },
  "tenant.settingsChanged": {
    before: TenantSettingsSchema,
    after: TenantSettingsSchema,
  },
  "demo.seeded": {
    after: z.strictObject({ slug: z.string(), plans: z.number().int(), activities: z.number().int() }),
  },

  "plan.created": { after: PlanViewSchema.extend({ sections: z.array(z.string()) }) },
  "plan.updated": { before: PlanViewSchema, after: PlanViewSchema },
  "plan.activated": { before: PlanViewSchema, after: PlanViewSchema },
  "plan.closed": { before: PlanViewSchema, after: PlanViewSchema },
  "plan.archived": { before: PlanViewSchema.pick({ status: true }) },
  "plan.deleted": { before: PlanViewSchema },

  "section.created": {
    after: SectionFieldsSchema.extend({ planId: ref("Plan"), position: z.number().int() }),
  },
  "section.updated": { before: SectionFieldsSchema, after: SectionFieldsSchema },
  "section.moved": { before: position(), after: position() },
  "section.archived": { before: SectionViewSchema },
  "section.restored": {}, // nothing restores a section yet: its writer will say what it records
  "section.deleted": { before: SectionViewSchema },

  "objective.created": { after: ObjectiveFieldsSchema.extend({ position: z.number().int() }) },
  "objective.updated": { before: ObjectiveFieldsSchema, after: ObjectiveFieldsSchema },
  "objective.moved": { before: position(), after: position() },
  "objective.archived": { before: ObjectiveViewSchema },
  "objective.restored": {}, // as section.restored
  "objective.deleted": { before: ObjectiveViewSchema },

  "activity.created": { after: ActivitySnapshotSchema },
  "activity.updated": { before: ActivitySnapshotSchema.partial(), after: ActivitySnapshotSchema.partial() },
  "activity.moved": { before: position(), after: position() },
  "activity.archived": { before: archivedFlag(), after: archivedFlag() },
  "activity.restored": { before: archivedFlag(), after: archivedFlag() },
  "activity.deleted": { before: ActivitySnapshotSchema.extend({ indicators: z.array(IndicatorForEditSchema) }) },

  "indicator.created": { after: IndicatorValuesSchema.extend(ofActivity) },
  "indicator.updated": {
    before: IndicatorValuesSchema.partial().extend(ofActivity),
    after: IndicatorValuesSchema.partial().extend(ofActivity),
  },
  "indicator.archived": { before: archivedFlag().extend(ofActivity), after: archivedFlag().extend(ofActivity) },
  "indicator.restored": { before: archivedFlag().extend(ofActivity), after: archivedFlag().extend(ofActivity) },
  "indicator.deleted": { before: IndicatorForEditSchema.extend(ofActivity) },

  "agency.created": { after: AgencyFieldsSchema },
  "agency.updated": { before: AgencyFieldsSchema, after: AgencyFieldsSchema },
  "agency.archived": {},
  "agency.restored": {},

  "invitation.created": { after: InviteeSchema },
  "invitation.replaced": {},
  "invitation.revoked": {},
  "invitation.accepted": { after: InviteeSchema },
  "membership.roleChanged": { before: RoleSchema, after: RoleSchema },
  "membership.removed": { before: InviteeSchema },
  "membership.focalPointChanged": {
    before: z.strictObject({ primaryFocalPoint: z.boolean() }),
    after: z.strictObject({ primaryFocalPoint: z.boolean() }),
  },

  "period.created": { after: PeriodViewSchema },
  "period.updated": { before: PeriodViewSchema.partial(), after: PeriodViewSchema.partial() },
  "period.deleted": { before: PeriodViewSchema },
  /** Closed by a coordinator before its lock day. */
  "period.closed": {},
  "period.reopened": { after: z.strictObject({ reopenedUntil: day() }) },
  /** Recorded by the scheduled job (the system actor) once the lock day has come. */
  "period.locked": { after: z.strictObject({ locksOn: day() }) },
  "exception.granted": { after: ExceptionSchema },
  "exception.revoked": { before: ExceptionSchema },

  "update.submitted": { after: UpdateSnapshotSchema },
  "update.signedOff": { after: UpdateStepSchema },
  "update.approved": { after: UpdateStepSchema },
  "update.returned": { after: UpdateStepSchema },
  "update.reopened": { after: UpdateStepSchema },
  "contribution.saved": {
    after: z.strictObject({ activityId: ref("Activity"), agencyId: ref("Agency"), note: texts() }),
  },
  "evidence.added": { after: EvidenceSchema },
  "evidence.removed": { before: EvidenceSchema },

  "handover.created": { after: HandoverSchema },
  "handover.revoked": { before: HandoverSchema },

  /** A scheduled job's run: what it did, by count. */
  "job.ran": {
    after: z.strictObject({ job: z.string(), day: day(), counts: z.record(z.string(), z.number().int()) }),
  },
} as const satisfies Record<string, PayloadSchemas>;

/** Every action's payload schemas; the compiler and audit-payloads.test.ts hold it complete. */
export const AUDIT_PAYLOADS = { ...CONTENT_PAYLOADS, ...SECURITY_PAYLOADS } as const satisfies Record<
  AuditAction,
  PayloadSchemas
>;

/** What an action's `before` or `after` holds, typed. */
export type AuditPayload<A extends AuditAction, Side extends "before" | "after"> = (typeof AUDIT_PAYLOADS)[A] extends {
  [K in Side]: infer S extends z.ZodType;
}
  ? z.infer<S>
  : undefined;

export function payloadSchemas(action: string): PayloadSchemas | null {
  return Object.hasOwn(AUDIT_PAYLOADS, action) ? AUDIT_PAYLOADS[action as AuditAction] : null;
}

/**
 * Why a payload does not fit its action, one line per problem, naming paths and expectations but
 * never the values (they may be personal data, and the lines are logged). Empty when it fits.
 * `before`/`after` are the payloads as stored (JSON): absent is undefined or null.
 */
export function payloadIssues(action: AuditAction, before: unknown, after: unknown): string[] {
  const schemas = AUDIT_PAYLOADS[action] as PayloadSchemas;
  const issues: string[] = [];
  for (const [side, value] of [
    ["before", before],
    ["after", after],
  ] as const) {
    const schema = schemas[side];
    const absent = value === undefined || value === null;
    if (!schema) {
      if (!absent) issues.push(`${side}: ${action} records none`);
      continue;
    }
    if (absent) {
      issues.push(`${side}: ${action} records one`);
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success)
      for (const issue of result.error.issues)
        issues.push(`${[side, ...issue.path.map(String)].join(".")}: ${issue.message}`);
  }
  return issues;
}

/** The schema of `field` in `action`'s payload (its `after`'s, else its `before`'s); null when either is unknown. */
export function payloadFieldSchema(action: string, field: string): z.ZodType | null {
  const schemas = payloadSchemas(action);
  for (const side of [schemas?.after, schemas?.before]) {
    if (side && Object.hasOwn(side.shape, field)) return side.shape[field] as z.ZodType;
  }
  return null;
}

/** What `field` of `action`'s payload holds (an agency id, a day...); null: plain, or not known. */
export function payloadFieldKind(action: string, field: string): FieldKind | null {
  return kindOfSchema(payloadFieldSchema(action, field) ?? undefined);
}

/**
 * The ids of `entity` a recorded value holds: none unless the schema says the field refers to
 * `entity` and the value fits the field's schema (an event older than its schema may not).
 */
export function refsIn(action: string, field: string, value: unknown, entity: RefEntity): string[] {
  const schema = payloadFieldSchema(action, field);
  const kind = kindOfSchema(schema ?? undefined);
  if (!schema || kind?.kind !== "ref" || kind.entity !== entity || !schema.safeParse(value).success) return [];
  return [value].flat().filter((v): v is string => typeof v === "string");
}
