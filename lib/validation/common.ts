import { z } from "zod";

export const TenantSlugSchema = z.string().min(1).max(63);
export const IdSchema = z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(64);

/** An optional text field: empty input becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

export const requiredText = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });

export const VersionSchema = z.coerce.number().int().min(1);
