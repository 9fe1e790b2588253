import { z } from "zod";

// Messages are translation keys (messages/*.json "validation.*"), shown next to the field.
export const EmailSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }))
  .transform((e) => e.toLowerCase());

export const NewPasswordSchema = z
  .string({ error: "validation.required" })
  .min(10, { error: "validation.passwordTooShort" })
  .max(200, { error: "validation.tooLong" });

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const AcceptInvitationSchema = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().max(120, { error: "validation.tooLong" }).optional(),
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200),
  hasAccount: z.enum(["yes", "no"]),
}).superRefine((v, ctx) => {
  if (v.hasAccount === "no") {
    if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "validation.required" });
    if (v.password.length < 10) ctx.addIssue({ code: "custom", path: ["password"], message: "validation.passwordTooShort" });
  }
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;
