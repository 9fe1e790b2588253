import { describe, expect, it } from "vitest";
import * as Db from "@/generated/prisma/enums";
import {
  ACTIVITY_STATUSES,
  AGENCY_KINDS,
  EVIDENCE_ACCESS,
  INDICATOR_DIRECTIONS,
  INDICATOR_UNITS,
  INDICATOR_VALUE_KINDS,
  OUTBOX_STATUSES,
  PILLARS,
  PLAN_STATUSES,
  ROLES,
  UPDATE_STATUSES,
  isOneOf,
} from "./enums";

/** Each list by the name of the Prisma enum it mirrors. */
const LISTS: Record<string, readonly string[]> = {
  Role: ROLES,
  AgencyKind: AGENCY_KINDS,
  PlanStatus: PLAN_STATUSES,
  Pillar: PILLARS,
  ActivityStatus: ACTIVITY_STATUSES,
  IndicatorUnit: INDICATOR_UNITS,
  IndicatorDirection: INDICATOR_DIRECTIONS,
  IndicatorValueKind: INDICATOR_VALUE_KINDS,
  UpdateStatus: UPDATE_STATUSES,
  EvidenceAccess: EVIDENCE_ACCESS,
  OutboxStatus: OUTBOX_STATUSES,
};

describe("enum lists", () => {
  // Same values in the same order as the schema: a value added to an enum must be added here too.
  it.each(Object.entries(LISTS))("%s equals the Prisma enum", (name, list) => {
    expect([...list]).toEqual(Object.values(Db[name as keyof typeof Db]));
  });

  it("has a list for every enum of the schema", () => {
    expect(Object.keys(LISTS).sort()).toEqual(Object.keys(Db).sort());
  });
});

describe("isOneOf", () => {
  it("accepts the list's values only, in their case", () => {
    expect(isOneOf(PILLARS, "PROTECTION")).toBe(true);
    expect(isOneOf(PILLARS, "protection")).toBe(false);
    expect(isOneOf(PILLARS, undefined)).toBe(false);
    expect(isOneOf(PILLARS, 1)).toBe(false);
  });
});
