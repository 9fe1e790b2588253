import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getSessionId, requireUser } from "@/lib/auth/session";
import { listMySessions } from "@/lib/data/sessions";
import { describeUserAgent } from "@/components/account/user-agent";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SessionsTable, type SessionView } from "./_components/sessions-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("account") };
}

export default async function AccountPage() {
  const user = await requireUser();
  const [sessions, t, format] = await Promise.all([
    listMySessions(user, await getSessionId()),
    getTranslations(),
    getFormatter(),
  ]);
  const when = (d: Date) => ({
    iso: d.toISOString(),
    text: format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }),
  });
  const browserText = (ua: string | null) => {
    const { browser, os } = describeUserAgent(ua);
    if (browser && os) return t("account.browserOn", { browser, os });
    // Not a browser we know: its own first words, cut short.
    return browser ?? os ?? (ua ? (ua.length > 40 ? `${ua.slice(0, 40)}…` : ua) : t("account.unknownBrowser"));
  };
  const views: SessionView[] = sessions.map((s) => ({
    id: s.id,
    started: when(s.createdAt),
    lastActive: when(s.lastSeenAt),
    address: s.ip ?? t("account.unknown"),
    browser: browserText(s.userAgent),
    current: s.current,
  }));
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="mb-1 text-2xl font-semibold">{t("app.account")}</h1>
        <p className="text-sm text-slate-700">{t("account.signedInAs", { name: user.name, email: user.email })}</p>
      </div>
      <section
        aria-labelledby="password-title"
        className="max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      >
        <h2 id="password-title" className="mb-4 text-lg font-semibold">
          {t("account.changePasswordTitle")}
        </h2>
        <ChangePasswordForm name={user.name} email={user.email} />
      </section>
      <section aria-labelledby="sessions-title" className="flex flex-col gap-2">
        <h2 id="sessions-title" className="text-lg font-semibold">
          {t("account.sessionsTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("account.sessionsIntro")}</p>
        <SessionsTable sessions={views} />
      </section>
    </div>
  );
}
