import { z } from "@/lib/validation/zod";
// Column bounds (int4, amounts, percents, years) live in lib/domain/limits.ts, one place for all.
import { VERSION_MAX, VERSION_MIN } from "@/lib/domain/limits";
import { CONTENT_LANGUAGES, hasText, toTexts, type ContentLanguage, type Texts } from "@/lib/domain/texts";

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

/** The version a form was loaded with; an Int column, so anything past int4 is refused here, not by the database. */
export const VersionSchema = z.coerce
  .number({ error: "validation.invalid" })
  .int({ error: "validation.invalid" })
  .min(VERSION_MIN, { error: "limits.numberTooSmall" })
  .max(VERSION_MAX, { error: "limits.numberTooLarge" });

/**
 * A content field in every language it may be written in, posted as "title.en", "title.ru", ...
 * (the schema needs withDottedFields). Each text is bounded; blank ones are left out. A required
 * field needs a text in at least one language (the error sits on the field, "title"): which
 * languages a tenant writes in is its setting, and a page falls back to the others.
 */
export const textsField = (max: number, { required = false } = {}) =>
  z
    .object(
      Object.fromEntries(
        CONTENT_LANGUAGES.map((lang) => [lang, z.string().trim().max(max, { error: "validation.tooLong" }).optional()]),
      ) as Record<ContentLanguage, z.ZodOptional<z.ZodString>>,
      { error: "validation.invalid" },
    )
    .optional()
    .transform((v): Texts => toTexts(v ?? {}))
    .refine((v) => !required || hasText(v), { error: "validation.required" });
