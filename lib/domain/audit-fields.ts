// What a field of an audit payload holds, said by the field's schema (lib/domain/audit-payloads.ts):
// the history names ids and formats days, amounts and years from this, never from a field's name.
// A field without a kind is plain text, a number or a flag, shown as recorded.
import { z } from "zod";
import { isIsoDay } from "./day";
import { CONTENT_LANGUAGES } from "./texts";

/** What an id in a payload points at. */
export const REF_ENTITIES = ["Plan", "Section", "Objective", "Activity", "Indicator", "Agency"] as const;
export type RefEntity = (typeof REF_ENTITIES)[number];

/** The value lists a payload field may take, by name; the history translates some of them. */
export const ENUM_NAMES = [
  "ActivityStatus",
  "IndicatorUnit",
  "IndicatorDirection",
  "IndicatorValueKind",
  "PlanStatus",
  "Pillar",
  "AgencyKind",
  "Role",
] as const;
export type EnumName = (typeof ENUM_NAMES)[number];

export type FieldKind =
  /** The id of a record (or a list of them): shown by the record's name. */
  | { kind: "ref"; entity: RefEntity }
  /** A calendar day, "2026-06-30". */
  | { kind: "day" }
  /** A decimal amount, as the database's text of it ("25000.5"). */
  | { kind: "amount" }
  /** A year: a label, never "2,027". */
  | { kind: "year" }
  /** 0-100. */
  | { kind: "percent" }
  | { kind: "enum"; of: EnumName }
  /** An indicator's breakdown: [{ dimension, categories }]. */
  | { kind: "breakdown" }
  /** Content in each language it is written in, { en: "...", ru: "..." }: the history lists each language. */
  | { kind: "texts" };

/** Where each kinded field schema is registered; a schema outside it is a plain field. */
export const auditFieldKinds = z.registry<FieldKind>();

function kinded<S extends z.ZodType>(schema: S, kind: FieldKind): S {
  auditFieldKinds.add(schema as z.ZodType, kind);
  return schema;
}

// Each builder makes a new schema: a registered schema is one instance, wrapped (nullable, array,
// partial) where it is used.
export const ref = (entity: RefEntity) => kinded(z.string().min(1), { kind: "ref", entity });
export const day = () => kinded(z.string().refine(isIsoDay, { error: "not a calendar day" }), { kind: "day" });
export const amount = () => kinded(z.string().regex(/^-?\d+(\.\d+)?$/), { kind: "amount" });
export const year = () => kinded(z.number().int(), { kind: "year" });
export const percent = () => kinded(z.number().min(0).max(100), { kind: "percent" });
export const oneOf = <const L extends readonly [string, ...string[]]>(of: EnumName, values: L) =>
  kinded(z.enum(values), { kind: "enum", of });
export const breakdown = () =>
  kinded(z.array(z.strictObject({ dimension: z.string(), categories: z.array(z.string()) })), {
    kind: "breakdown",
  });

export const texts = () => kinded(z.partialRecord(z.enum(CONTENT_LANGUAGES), z.string()), { kind: "texts" });

/** The kind a field schema was registered with, through optional, nullable and list wrappers. */
export function kindOfSchema(schema: z.ZodType | undefined): FieldKind | null {
  let s: z.ZodType | undefined = schema;
  while (s) {
    const kind = auditFieldKinds.get(s);
    if (kind) return kind;
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return null;
  }
  return null;
}
