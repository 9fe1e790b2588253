// Every action from every state, for every kind of person: the whole table of who may move an
// update where, written out once by hand and checked against lib/domain/progress.ts.
import { describe, expect, it } from "vitest";
import { ROLES, UPDATE_STATUSES, type Role, type UpdateStatus } from "./enums";
import {
  allowedActions,
  carriedValues,
  checkIndicatorValue,
  percentOf,
  refusal,
  UPDATE_ACTIONS,
  type Standing,
  type UpdateAction,
} from "./progress";

type Who = "leadFocal" | "primaryFocal" | "otherFocal" | "coordinator" | "admin" | "viewer" | "submitter";
const PEOPLE: Record<Who, Standing> = {
  leadFocal: { role: "FOCAL_POINT", ofLeadAgency: true, primaryOfLeadAgency: false, submittedIt: false },
  primaryFocal: { role: "FOCAL_POINT", ofLeadAgency: true, primaryOfLeadAgency: true, submittedIt: false },
  otherFocal: { role: "FOCAL_POINT", ofLeadAgency: false, primaryOfLeadAgency: false, submittedIt: false },
  coordinator: { role: "COORDINATOR", ofLeadAgency: false, primaryOfLeadAgency: false, submittedIt: false },
  admin: { role: "ADMIN", ofLeadAgency: false, primaryOfLeadAgency: false, submittedIt: false },
  viewer: { role: "VIEWER", ofLeadAgency: false, primaryOfLeadAgency: false, submittedIt: false },
  /** A coordinator who submitted the update themselves. */
  submitter: { role: "COORDINATOR", ofLeadAgency: false, primaryOfLeadAgency: false, submittedIt: true },
};

/** What each person may do in each state, with the period open, with and without the agency's sign-off. */
const ALLOWED: Record<"plain" | "signOff", Record<UpdateStatus, Partial<Record<Who, UpdateAction[]>>>> = {
  plain: {
    DRAFT: {
      leadFocal: ["save", "submit"],
      primaryFocal: ["save", "submit"],
      coordinator: ["save", "submit"],
      admin: ["save", "submit"],
      submitter: ["save", "submit"],
    },
    RETURNED: {
      leadFocal: ["save", "submit"],
      primaryFocal: ["save", "submit"],
      coordinator: ["save", "submit"],
      admin: ["save", "submit"],
      submitter: ["save", "submit"],
    },
    SUBMITTED: { coordinator: ["approve", "return"], admin: ["approve", "return"], submitter: ["return"] },
    SIGNED_OFF: { coordinator: ["approve", "return"], admin: ["approve", "return"], submitter: ["return"] },
    APPROVED: { coordinator: ["reopen"], admin: ["reopen"], submitter: ["reopen"] },
  },
  signOff: {
    DRAFT: {
      leadFocal: ["save", "submit"],
      primaryFocal: ["save", "submit"],
      coordinator: ["save", "submit"],
      admin: ["save", "submit"],
      submitter: ["save", "submit"],
    },
    RETURNED: {
      leadFocal: ["save", "submit"],
      primaryFocal: ["save", "submit"],
      coordinator: ["save", "submit"],
      admin: ["save", "submit"],
      submitter: ["save", "submit"],
    },
    SUBMITTED: { primaryFocal: ["signOff"], coordinator: ["return"], admin: ["return"], submitter: ["return"] },
    SIGNED_OFF: { coordinator: ["approve", "return"], admin: ["approve", "return"], submitter: ["return"] },
    APPROVED: { coordinator: ["reopen"], admin: ["reopen"], submitter: ["reopen"] },
  },
};

describe("the update's state machine", () => {
  for (const mode of ["plain", "signOff"] as const)
    for (const status of UPDATE_STATUSES)
      for (const who of Object.keys(PEOPLE) as Who[])
        it(`${mode}: ${status}, ${who} may ${(ALLOWED[mode][status][who] ?? []).join(", ") || "nothing"}`, () => {
          const facts = { status, agencySignOff: mode === "signOff", periodAcceptsReports: true };
          expect(allowedActions(facts, PEOPLE[who])).toEqual(ALLOWED[mode][status][who] ?? []);
        });

  it("refuses every change to a locked period's update, and says why", () => {
    for (const status of ["DRAFT", "RETURNED"] as const)
      for (const action of ["save", "submit"] as const)
        expect(refusal(action, { status, agencySignOff: false, periodAcceptsReports: false }, PEOPLE.leadFocal)).toBe(
          "periodLocked",
        );
  });

  it("names the reason of each refusal", () => {
    const open = (status: UpdateStatus, agencySignOff = false) => ({
      status,
      agencySignOff,
      periodAcceptsReports: true,
    });
    expect(refusal("approve", open("SUBMITTED"), PEOPLE.submitter)).toBe("ownSubmission");
    expect(refusal("approve", open("SUBMITTED", true), PEOPLE.coordinator)).toBe("signOffFirst");
    expect(refusal("signOff", open("SUBMITTED", true), { ...PEOPLE.primaryFocal, submittedIt: true })).toBe(
      "ownSubmission",
    );
    expect(refusal("signOff", open("SUBMITTED", true), PEOPLE.leadFocal)).toBe("notSignatory");
    expect(refusal("save", open("DRAFT"), PEOPLE.otherFocal)).toBe("notReporter");
    expect(refusal("approve", open("SUBMITTED"), PEOPLE.leadFocal)).toBe("notReviewer");
    expect(refusal("submit", open("APPROVED"), PEOPLE.leadFocal)).toBe("notAllowedInState");
    // Every role and action has an answer: nothing falls through.
    for (const role of ROLES as readonly Role[])
      for (const action of UPDATE_ACTIONS)
        for (const status of UPDATE_STATUSES)
          expect(() => refusal(action, open(status), { ...PEOPLE.viewer, role })).not.toThrow();
  });
});

describe("an indicator's value", () => {
  const plain = { unit: "NUMBER" as const, disaggregation: [] };
  const bySex = { unit: "NUMBER" as const, disaggregation: [{ dimension: "sex", categories: ["female", "male"] }] };
  const v = (over: object = {}) => ({
    indicatorId: "i",
    value: "10",
    numerator: null,
    denominator: null,
    breakdown: null,
    note: null,
    ...over,
  });

  it("computes a percentage from its numerator and denominator", () => {
    expect(percentOf("1", "3")).toBe("33.33");
    expect(
      checkIndicatorValue({ unit: "PERCENT", disaggregation: [] }, v({ numerator: "30", denominator: "40" }), 0),
    ).toEqual({
      errors: {},
      value: "75",
    });
    const half = checkIndicatorValue({ unit: "PERCENT", disaggregation: [] }, v({ numerator: "30" }), 2);
    expect(Object.keys(half.errors)).toEqual(["values.2.denominator"]);
    const over = checkIndicatorValue(
      { unit: "PERCENT", disaggregation: [] },
      v({ numerator: "50", denominator: "40" }),
      0,
    );
    expect(Object.keys(over.errors)).toEqual(["values.0.numerator"]);
  });

  it("keeps yes / no to 0 or 1, and a percentage to 0-100", () => {
    expect(
      Object.keys(checkIndicatorValue({ unit: "YES_NO", disaggregation: [] }, v({ value: "2" }), 0).errors),
    ).toEqual(["values.0.value"]);
    expect(
      Object.keys(checkIndicatorValue({ unit: "PERCENT", disaggregation: [] }, v({ value: "101" }), 0).errors),
    ).toEqual(["values.0.value"]);
    expect(checkIndicatorValue(plain, v(), 0).errors).toEqual({});
  });

  it("asks why when the cells do not add up to the total", () => {
    const off = checkIndicatorValue(bySex, v({ breakdown: { sex: { female: 4, male: 5 } } }), 1);
    expect(off.errors["values.1.note"]).toMatchObject({ key: "progress.errors.cellsDoNotAdd" });
    expect(checkIndicatorValue(bySex, v({ breakdown: { sex: { female: 4, male: 6 } } }), 1).errors).toEqual({});
    expect(
      checkIndicatorValue(bySex, v({ breakdown: { sex: { female: 4, male: 5 } }, note: "one unknown" }), 1).errors,
    ).toEqual({});
  });
});

describe("what 'No change this period' carries", () => {
  const v = (indicatorId: string, over: object = {}) => ({
    indicatorId,
    value: "10",
    numerator: null,
    denominator: null,
    breakdown: null,
    note: null,
    ...over,
  });
  const total = { unit: "NUMBER" as const, valueKind: "CUMULATIVE" as const };
  const perPeriod = { unit: "NUMBER" as const, valueKind: "PER_PERIOD" as const };

  it("carries a total so far as it was, breakdown, parts and note included", () => {
    const previous = [
      v("a", { breakdown: { sex: { female: 6, male: 4 } }, note: "from the register" }),
      v("b", { value: "75", numerator: "30", denominator: "40" }),
      v("c", { value: "1" }),
    ];
    expect(
      carriedValues(
        [
          { id: "a", ...total },
          { id: "b", unit: "PERCENT", valueKind: "CUMULATIVE" },
          { id: "c", unit: "YES_NO", valueKind: "CUMULATIVE" },
        ],
        previous,
      ),
    ).toEqual(previous);
  });

  it("never repeats a per-period figure: a number gets 0, a percentage or yes / no nothing", () => {
    const previous = [v("n", { breakdown: { sex: { female: 6, male: 4 } } }), v("p", { value: "50" }), v("y")];
    expect(
      carriedValues(
        [
          { id: "n", ...perPeriod },
          { id: "p", unit: "PERCENT", valueKind: "PER_PERIOD" },
          { id: "y", unit: "YES_NO", valueKind: "PER_PERIOD" },
        ],
        previous,
      ),
    ).toEqual([v("n", { value: "0" })]);
    // 0 also when the previous update had no figure for it: nothing was achieved this period either.
    expect(carriedValues([{ id: "n", ...perPeriod }], [])).toEqual([v("n", { value: "0" })]);
  });

  it("follows the activity's indicators now: in their order, without values of indicators gone since", () => {
    const carried = carriedValues(
      [
        { id: "b", ...total },
        { id: "a", ...total },
        { id: "new", ...total },
      ],
      [v("a", { value: "1" }), v("archived"), v("b", { value: "2" })],
    );
    expect(carried).toEqual([v("b", { value: "2" }), v("a", { value: "1" })]);
  });
});
