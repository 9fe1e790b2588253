"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "@/lib/validation/zod";
import { signIn, signOut } from "@/lib/auth/config";
import { passwordStrength } from "@/lib/auth/password-policy";
import { getSessionId, getSessionUser } from "@/lib/auth/session";
import { unsafeAcceptInvitation } from "@/lib/data/invitations";
import { unsafeUsePasswordReset } from "@/lib/data/password-resets";
import { revokeMySession, signOutEverywhere, unsafeEndSession } from "@/lib/data/sessions";
import { changeOwnPassword, setUserLocale } from "@/lib/data/users";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import type { MessageRef } from "@/lib/domain/errors";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { appUrl } from "@/lib/server/app-url";
import { clientInfo } from "@/lib/server/client-info";
import {
  AcceptInvitationSchema,
  ChangePasswordSchema,
  PasswordHintSchema,
  ResetPasswordSchema,
  SessionRefSchema,
  SignInSchema,
} from "@/lib/validation/auth";
import { LocaleSchema } from "@/lib/validation/tenants";
import type { ActionResult } from "./result";
import { publicAction, userAction } from "./safe-action";

/** What a refused sign-in says: next-auth carries our reason in the error's code. */
function refusal(error: AuthError): MessageRef {
  const code = (error as AuthError & { code?: string }).code ?? "";
  const [kind, scope, seconds] = code.split(":");
  if (kind === "throttled") {
    const values = { seconds: Number(seconds) || 60 };
    return { key: scope === "client" ? "auth.throttledClient" : "auth.throttled", values };
  }
  if (kind === "disabled") return { key: "auth.disabled" };
  return { key: "auth.invalidCredentials" };
}

async function signInAndGo(email: string, password: string, to: string): Promise<ActionResult> {
  try {
    await signIn("credentials", { email, password, redirectTo: to });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: refusal(error) };
    throw error; // the redirect of a successful sign-in
  }
  return { ok: true };
}

export const signInAction = publicAction(SignInSchema, async (input) =>
  signInAndGo(input.email, input.password, safeRedirectPath(input.callbackUrl, appUrl().origin)),
);

export const signOutAction = publicAction(z.object({}), async () => {
  const sessionId = await getSessionId();
  if (sessionId) await unsafeEndSession(sessionId, "signOut", await clientInfo());
  await signOut({ redirectTo: "/sign-in" });
  return { ok: true };
});

export const signOutEverywhereAction = userAction(z.object({}), async (_input, user) => {
  await signOutEverywhere(user, await clientInfo());
  await signOut({ redirectTo: "/sign-in" });
  return { ok: true };
});

export const revokeSessionAction = userAction(SessionRefSchema, async ({ sessionId }, user) => {
  await revokeMySession(user, sessionId, await clientInfo());
  revalidatePath("/account");
  return { ok: true, message: { key: "account.sessionEnded" } };
});

export const changePasswordAction = userAction(ChangePasswordSchema, async (input, user) => {
  await changeOwnPassword(user, await getSessionId(), input.currentPassword, input.newPassword, await clientInfo());
  revalidatePath("/account");
  return { ok: true, message: { key: "account.passwordChanged" } };
});

/** How strong a password being chosen looks: a hint while typing, never a refusal. */
export const passwordHintAction = publicAction(PasswordHintSchema, async (input) => ({
  ok: true,
  data: { strength: input.password ? passwordStrength(input.password, [input.name ?? "", input.email ?? ""]) : null },
}));

export const resetPasswordAction = publicAction(ResetPasswordSchema, async (input) => {
  const { email } = await unsafeUsePasswordReset(input.token, input.newPassword, await clientInfo());
  return signInAndGo(email, input.newPassword, "/");
});

/** Saves the language on the person (when signed in) and in a cookie; Next re-renders by itself. */
export const setLocaleAction = publicAction(LocaleSchema, async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  const user = await getSessionUser();
  if (user) await setUserLocale(user, locale, await clientInfo());
  return { ok: true };
});

export const acceptInvitationAction = publicAction(AcceptInvitationSchema, async (input) => {
  const { email } = await unsafeAcceptInvitation(
    input.token,
    { name: input.name, password: input.password },
    await clientInfo(),
  );
  const result = await signInAndGo(email, input.password, "/");
  if (!result.ok) redirect("/sign-in");
  return result;
});
