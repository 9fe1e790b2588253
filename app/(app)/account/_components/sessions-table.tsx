"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { revokeSessionAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/message";
import { TableScroll } from "@/components/ui/table-scroll";

export interface SessionView {
  id: string;
  started: { iso: string; text: string };
  lastActive: { iso: string; text: string };
  address: string;
  browser: string;
  current: boolean;
}

const cell = "px-3 py-2";

/** The person's sessions; one outcome line for the whole table, since an ended row disappears. */
export function SessionsTable({ sessions }: { sessions: SessionView[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [state, revoke, revoking] = useActionState(revokeSessionAction, null);
  const [, signOutAll, signingOutAll] = useActionState(signOutEverywhereAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <div className="flex flex-col gap-3">
      <TableScroll label={t("account.sessionsCaption")} className="rounded-lg bg-white shadow-sm">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("account.sessionsCaption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className={cell}>
                {t("account.browser")}
              </th>
              <th scope="col" className={cell}>
                {t("account.started")}
              </th>
              <th scope="col" className={cell}>
                {t("account.lastActive")}
              </th>
              <th scope="col" className={cell}>
                {t("account.address")}
              </th>
              <th scope="col" className={cell}>
                <span className="sr-only">{t("account.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className="border-t border-slate-200 align-top">
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {s.browser}
                </th>
                <td className={`${cell} whitespace-nowrap`}>
                  <time dateTime={s.started.iso}>{s.started.text}</time>
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  <time dateTime={s.lastActive.iso}>{s.lastActive.text}</time>
                </td>
                <td className={`${cell} font-mono text-xs`}>{s.address}</td>
                <td className={`${cell} text-right`}>
                  {s.current ? (
                    <span className="inline-block whitespace-nowrap rounded border border-brand-600 bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                      {t("account.thisDevice")}
                    </span>
                  ) : (
                    <form action={revoke}>
                      <input type="hidden" name="sessionId" value={s.id} />
                      <Button variant="secondary" disabled={revoking} className="whitespace-nowrap px-2 py-1">
                        {t("account.endSession")}
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {sessions.every((s) => s.current) && <p className="text-sm text-slate-700">{t("account.noSessions")}</p>}
      <FormStatus state={state} />
      <form action={signOutAll} className="flex flex-wrap items-center gap-3">
        <Button variant="danger" disabled={signingOutAll}>
          {t("app.signOutEverywhere")}
        </Button>
        <p className="text-sm text-slate-700">{t("account.signOutEverywhereText")}</p>
      </form>
    </div>
  );
}
