import { z } from "@/lib/validation/zod";
import { LOCALES } from "@/i18n/locales";
import { EmailSchema } from "./auth";
import { CONTENT_LANGUAGES } from "@/lib/domain/texts";
import { textsField } from "./common";
import { withDottedFields } from "./form";

export const CreateTenantSchema = withDottedFields(
  z.object({
    name: textsField(120, { required: true }),
    slug: z
      .string({ error: "validation.required" })
      .trim()
      .toLowerCase()
      .min(2, { error: "validation.tooShort" })
      .max(40, { error: "validation.tooLong" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "validation.slug" })
      .refine((s) => !["admin", "api", "sign-in", "invite", "tenants", "account"].includes(s), {
        error: "validation.slugTaken",
      }),
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: "validation.countryCode" }),
    defaultLocale: z.enum(LOCALES),
    adminEmail: EmailSchema,
  }),
);
export type CreateTenantInput = z.infer<typeof CreateTenantSchema>;

const contentLanguage = z.enum(CONTENT_LANGUAGES, { error: "validation.invalid" });

/**
 * A tenant's settings (its administrators): its name in each language and the languages its
 * content is written in: a default, and others in order (checkboxes post none, one or several);
 * and whether updates need the lead agency's sign-off.
 */
export const TenantSettingsSchema = withDottedFields(
  z.object({
    tenant: z.string().min(1).max(63),
    name: textsField(120, { required: true }),
    defaultLanguage: contentLanguage,
    otherLanguages: z
      .union([contentLanguage, z.array(contentLanguage)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    /** A checkbox: posted ("on") when ticked, absent when not. */
    agencySignOff: z
      .string()
      .max(10)
      .optional()
      .transform((v) => v !== undefined && v !== ""),
  }),
);

/** The platform administrator invites another administrator into a tenant named by its slug. */
export const InviteTenantAdminSchema = z.object({ slug: z.string().min(1).max(63), adminEmail: EmailSchema });

export const LocaleSchema = z.object({ locale: z.enum(LOCALES) });
