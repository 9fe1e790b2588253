import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { unsafeFindPasswordReset } from "@/lib/data/password-resets";
import { ResetPasswordForm } from "./_components/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  return { title: t("title") };
}

// The token in the address is the credential: anyone holding a valid one may set the password.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("passwordReset");
  const reset = await unsafeFindPasswordReset(token);
  if (!reset) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-2 text-2xl font-semibold">{t("invalidTitle")}</h1>
        <p className="mb-4 text-sm text-slate-700">{t("invalidText")}</p>
        <Link href="/sign-in" className="text-sm text-brand-700 underline underline-offset-2">
          {t("signIn")}
        </Link>
      </section>
    );
  }
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-700">{t("intro", { email: reset.email })}</p>
      <ResetPasswordForm token={token} email={reset.email} name={reset.name} />
    </section>
  );
}
