import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/domain/safe-redirect";
import { appUrl } from "@/lib/server/app-url";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const asked = (await searchParams).callbackUrl;
  // Only a path of this site survives; anything else is dropped here and again by the action.
  const safe = safeRedirectPath(typeof asked === "string" ? asked : undefined, appUrl().origin, "");
  const callbackUrl = safe || undefined;
  if (await getSessionUser()) redirect(callbackUrl ?? "/");
  const t = await getTranslations("auth");
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-1 text-2xl font-semibold">{t("signInTitle")}</h1>
      <p className="mb-6 text-sm text-slate-700">{t("signInIntro")}</p>
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
