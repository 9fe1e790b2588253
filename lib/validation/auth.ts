import { z } from "@/lib/validation/zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password-policy";

// Messages are translation keys (messages/*.json "validation.*"), shown next to the field.
// Server-side only (the password list is large): forms import the actions, not these schemas.
export const EmailSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }))
  .transform((e) => e.toLowerCase());

/** Adds the policy's complaint about a password being chosen, if any, as a field error. */
function checkPolicy(value: string, ctx: z.RefinementCtx, path: string[] = []): void {
  const problem = passwordProblem(value);
  if (problem === "validation.passwordTooShort") {
    ctx.addIssue({
      code: "too_small",
      origin: "string",
      minimum: MIN_PASSWORD_LENGTH,
      inclusive: true,
      path,
      message: problem,
      input: value,
    });
  } else if (problem) ctx.addIssue({ code: "custom", path, message: problem });
}

/** A password being chosen: the policy in lib/auth/password-policy.ts. */
export const NewPasswordSchema = z
  .string({ error: "validation.required" })
  .max(MAX_PASSWORD_LENGTH, { error: "validation.tooLong" })
  .superRefine((value, ctx) => checkPolicy(value, ctx));

/** A password being typed to prove who one is: any length the policy ever allowed. */
const CurrentPasswordSchema = z
  .string({ error: "validation.required" })
  .min(1, { error: "validation.required" })
  .max(MAX_PASSWORD_LENGTH, { error: "validation.tooLong" });

export const SignInSchema = z.object({
  email: EmailSchema,
  password: CurrentPasswordSchema,
  callbackUrl: z.string().max(2000).optional(),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const AcceptInvitationSchema = z
  .object({
    token: z.string().min(10).max(200),
    name: z.string().trim().max(120, { error: "validation.tooLong" }).optional(),
    password: CurrentPasswordSchema,
    hasAccount: z.enum(["yes", "no"]),
  })
  .superRefine((v, ctx) => {
    if (v.hasAccount === "no") {
      if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "validation.required" });
      checkPolicy(v.password, ctx, ["password"]);
    }
  });
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;

export const ChangePasswordSchema = z
  .object({
    currentPassword: CurrentPasswordSchema,
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ error: "validation.required" }).max(MAX_PASSWORD_LENGTH),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "validation.passwordsDiffer" });
    if (v.newPassword === v.currentPassword)
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "validation.passwordUnchanged" });
  });

export const ResetPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ error: "validation.required" }).max(MAX_PASSWORD_LENGTH),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "validation.passwordsDiffer" });
  });

export const PasswordHintSchema = z.object({
  password: z.string().max(MAX_PASSWORD_LENGTH).default(""),
  name: z.string().max(120).optional(),
  email: z.string().max(254).optional(),
});

export const SessionRefSchema = z.object({ sessionId: z.string().min(1).max(64) });
