import { describe, expect, it } from "vitest";
import { z } from "@/lib/validation/zod";
import { ECHO_MAX_CHARS, ECHO_MAX_ITEMS } from "@/lib/domain/limits";
import { CreateActivitySchema, UpdateActivitySchema, UpdateIndicatorSchema } from "./activities";
import { UpdateAgencySchema } from "./agencies";
import { echoValues, fieldLimit } from "./echo";
import { InviteMemberSchema } from "./members";
import { CreatePlanSchema } from "./plans";

const huge = "x".repeat(1_000_000);

describe("fieldLimit", () => {
  it("reads a text field's max length through trim, optional, transform and refine", () => {
    // Content is posted one field per language: "name.en", "name.ru".
    expect(fieldLimit(UpdateAgencySchema, "name.en").chars).toBe(200);
    expect(fieldLimit(UpdateAgencySchema, "name.ru").chars).toBe(200);
    expect(fieldLimit(UpdateAgencySchema, "shortName.en").chars).toBe(40);
    expect(fieldLimit(CreatePlanSchema, "title.en").chars).toBe(300);
    expect(fieldLimit(CreatePlanSchema, "title.tk").chars).toBe(300);
    expect(fieldLimit(UpdateActivitySchema, "code").chars).toBe(20); // .transform().refine()
    expect(fieldLimit(InviteMemberSchema, "tenant").chars).toBe(63); // an object with .refine()
  });

  it("gives an enum its longest option and a number a few characters", () => {
    expect(fieldLimit(UpdateAgencySchema, "kind").chars).toBe("INTERNATIONAL".length);
    expect(fieldLimit(UpdateAgencySchema, "version").chars).toBe(32);
  });

  it("walks into z.preprocess() and dotted fields of repeated parts", () => {
    expect(fieldLimit(CreateActivitySchema, "title.en").chars).toBe(500);
    expect(fieldLimit(CreateActivitySchema, "title.ru").chars).toBe(500);
    expect(fieldLimit(CreateActivitySchema, "indicators.0.name.en").chars).toBe(300);
    expect(fieldLimit(CreateActivitySchema, "indicators.0.name.kk").chars).toBe(300);
    expect(fieldLimit(UpdateIndicatorSchema, "disaggregation.1.dimension").chars).toBe(60);
  });

  it("falls back to the global caps for unknown fields and unbounded ones", () => {
    expect(fieldLimit(UpdateAgencySchema, "nonsense")).toEqual({ chars: ECHO_MAX_CHARS, items: ECHO_MAX_ITEMS });
    expect(fieldLimit(UpdateAgencySchema, "name.0.deeper").chars).toBe(ECHO_MAX_CHARS);
    expect(fieldLimit(UpdateAgencySchema, "name.fr").chars).toBe(ECHO_MAX_CHARS);
    expect(fieldLimit(z.object({ free: z.string() }), "free").chars).toBe(ECHO_MAX_CHARS);
    // A text split into a list afterwards: the list's item length does not bound the whole text.
    expect(fieldLimit(UpdateIndicatorSchema, "disaggregation.0.categories").chars).toBe(ECHO_MAX_CHARS);
  });

  it("caps lists in count", () => {
    expect(fieldLimit(z.object({ ids: z.array(z.string().max(8)).max(3) }), "ids")).toEqual({ chars: 8, items: 3 });
    expect(fieldLimit(UpdateActivitySchema, "partnerAgencyIds").items).toBe(ECHO_MAX_ITEMS);
  });
});

describe("echoValues", () => {
  it("echoes a 1,000,000-character title as at most what the field allows", () => {
    const values = echoValues(UpdateAgencySchema, {
      "name.en": huge,
      "name.ru": huge,
      "shortName.en": "ok",
      kind: "NGO",
    });
    expect(values["name.en"]).toHaveLength(200);
    expect(values["name.ru"]).toHaveLength(200);
    expect(values).toMatchObject({ "shortName.en": "ok", kind: "NGO" });
  });

  it("keeps values that fit as typed, and trims before cutting", () => {
    expect(echoValues(CreatePlanSchema, { "title.en": "  Plan  " })["title.en"]).toBe("  Plan  ");
    expect(echoValues(CreatePlanSchema, { "title.ru": `${" ".repeat(400)}План` })["title.ru"]).toBe("План");
  });

  it("caps unknown fields and lists, and leaves out secrets", () => {
    const values = echoValues(UpdateAgencySchema, {
      junk: huge,
      many: Array.from({ length: 1000 }, () => huge),
      password: "p",
      resetToken: "t",
    });
    expect(values.junk).toHaveLength(ECHO_MAX_CHARS);
    expect(values.many).toHaveLength(ECHO_MAX_ITEMS);
    expect((values.many as string[]).every((v) => v.length === ECHO_MAX_CHARS)).toBe(true);
    expect(values).not.toHaveProperty("password");
    expect(values).not.toHaveProperty("resetToken");
  });

  it("never splits a character made of two UTF-16 units", () => {
    const values = echoValues(UpdateAgencySchema, { "shortName.en": `${"a".repeat(39)}😀😀` });
    expect(values["shortName.en"]).toBe("a".repeat(39));
  });
});
