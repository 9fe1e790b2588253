import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  DEFAULT_PAGE,
  DEFAULT_SORT,
  hasActiveFilters,
  parseActivityListParams,
  serializeActivityListState,
} from "./activity-filters";

const ID = "clx1abc2def3ghi4jkl5mno6";

describe("parseActivityListParams", () => {
  it("gives the defaults for an empty query", () => {
    for (const empty of [{}, null, undefined, new URLSearchParams()]) {
      expect(parseActivityListParams(empty)).toEqual({
        filters: DEFAULT_FILTERS,
        sort: DEFAULT_SORT,
        page: DEFAULT_PAGE,
      });
    }
  });

  it("reads every filter, the sort and the page", () => {
    const state = parseActivityListParams({
      plan: ID,
      pillar: "PROTECTION",
      objective: ID,
      agency: ID,
      role: "partner",
      status: ["DELAYED", "IN_PROGRESS"],
      overdue: "1",
      q: "  border   guards ",
      sort: "plannedEnd",
      dir: "desc",
      page: "3",
      size: "50",
    });
    expect(state).toEqual({
      filters: {
        plan: ID,
        pillar: "PROTECTION",
        objective: ID,
        agency: ID,
        role: "partner",
        status: ["IN_PROGRESS", "DELAYED"],
        overdue: true,
        q: "border guards",
      },
      sort: { by: "plannedEnd", dir: "desc" },
      page: { page: 3, size: 50 },
    });
  });

  it("falls back to the default of each invalid value without touching the valid ones", () => {
    const state = parseActivityListParams({
      plan: "'; drop table",
      pillar: "PEACE",
      objective: "x".repeat(65),
      agency: ID,
      role: "boss",
      status: ["DONE", "COMPLETED"],
      overdue: "maybe",
      sort: "budget",
      dir: "sideways",
      page: "-2",
      size: "1000",
    });
    expect(state.filters).toEqual({ ...DEFAULT_FILTERS, agency: ID, status: ["COMPLETED"] });
    expect(state.sort).toEqual(DEFAULT_SORT);
    expect(state.page).toEqual(DEFAULT_PAGE);
    expect(parseActivityListParams({ page: "2.5", size: "abc" }).page).toEqual(DEFAULT_PAGE);
    expect(parseActivityListParams({ page: "99999999" }).page.page).toBe(1);
  });

  it("takes the first of repeated single-valued keys and accepts comma-separated statuses", () => {
    const params = new URLSearchParams("sort=title&sort=status&status=COMPLETED,DELAYED&status=COMPLETED&overdue=on");
    const state = parseActivityListParams(params);
    expect(state.sort.by).toBe("title");
    expect(state.filters.status).toEqual(["COMPLETED", "DELAYED"]);
    expect(state.filters.overdue).toBe(true);
  });

  it("caps the search text", () => {
    expect(parseActivityListParams({ q: "a".repeat(500) }).filters.q).toHaveLength(200);
  });
});

describe("serializeActivityListState", () => {
  it("leaves out defaults", () => {
    expect(serializeActivityListState({ filters: DEFAULT_FILTERS, sort: DEFAULT_SORT, page: DEFAULT_PAGE })).toBe("");
    // The role means nothing without an agency.
    expect(
      serializeActivityListState({
        filters: { ...DEFAULT_FILTERS, role: "lead" },
        sort: DEFAULT_SORT,
        page: DEFAULT_PAGE,
      }),
    ).toBe("");
  });

  it("round-trips through the parser", () => {
    const state = parseActivityListParams({
      plan: ID,
      pillar: "PREVENTION",
      agency: ID,
      role: "lead",
      status: ["COMPLETED", "NOT_STARTED"],
      overdue: "true",
      q: "Туркменистан & 1.2",
      sort: "percent",
      dir: "desc",
      page: "4",
      size: "100",
    });
    const query = serializeActivityListState(state);
    expect(parseActivityListParams(new URLSearchParams(query))).toEqual(state);
    expect(query).toContain("status=NOT_STARTED&status=COMPLETED");
  });

  it("applies a patch, e.g. a sort header or the next page", () => {
    const state = parseActivityListParams({ q: "train", page: "3" });
    expect(serializeActivityListState(state, { sort: { by: "title", dir: "desc" }, page: { page: 1 } })).toBe(
      "q=train&sort=title&dir=desc",
    );
    expect(serializeActivityListState(state, { page: { page: 4 } })).toBe("q=train&page=4");
  });
});

describe("hasActiveFilters", () => {
  it("ignores the plan choice", () => {
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, plan: ID })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, overdue: true })).toBe(true);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, q: "x" })).toBe(true);
  });
});
