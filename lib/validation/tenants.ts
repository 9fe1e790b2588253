import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { EmailSchema } from "./auth";
import { requiredText } from "./common";

export const CreateTenantSchema = z.object({
  name: requiredText(120),
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
});
export type CreateTenantInput = z.infer<typeof CreateTenantSchema>;

export const LocaleSchema = z.object({ locale: z.enum(LOCALES) });
