"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { unsafeAcceptInvitation } from "@/lib/data/invitations";
import { setUserLocale, signOutEverywhere } from "@/lib/data/users";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { AcceptInvitationSchema, SignInSchema } from "@/lib/validation/auth";
import { LocaleSchema } from "@/lib/validation/tenants";
import { getSessionUser } from "@/lib/auth/session";
import { publicAction, userAction } from "./safe-action";

/** Only paths on this site: an absolute URL here would be an open redirect. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export const signInAction = publicAction(SignInSchema, async (input) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeCallback(input.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("throttled:")) {
        return { ok: false, message: { key: "auth.throttled", values: { seconds: Number(code.split(":")[1]) || 60 } } };
      }
      return { ok: false, message: { key: "auth.invalidCredentials" } };
    }
    throw error; // the redirect of a successful sign-in
  }
  return { ok: true };
});

export const signOutAction = publicAction(z.object({}), async () => {
  await signOut({ redirectTo: "/sign-in" });
  return { ok: true };
});

export const signOutEverywhereAction = userAction(z.object({}), async (_input, user) => {
  await signOutEverywhere(user);
  await signOut({ redirectTo: "/sign-in" });
  return { ok: true };
});

/** Saves the language on the person (when signed in) and in a cookie; Next re-renders by itself. */
export const setLocaleAction = publicAction(LocaleSchema, async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  const user = await getSessionUser();
  if (user) await setUserLocale(user, locale);
  return { ok: true };
});

export const acceptInvitationAction = publicAction(AcceptInvitationSchema, async (input) => {
  const { email } = await unsafeAcceptInvitation(input.token, { name: input.name, password: input.password });
  try {
    await signIn("credentials", { email, password: input.password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in");
    throw error;
  }
  return { ok: true };
});
