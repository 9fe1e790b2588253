"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { platformResetLinkAction, setUserDisabledAction } from "@/lib/actions/platform-users";
import { ResetLinkRow } from "@/components/layout/invitation-link";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/ui/message";

export interface PlatformUserView {
  id: string;
  name: string;
  email: string;
  countries: string;
  isPlatformAdmin: boolean;
  /** "Active" or "Disabled since …", already in the reader's language. */
  status: string;
  disabled: boolean;
}

const cell = "px-3 py-2";

export function UserRow({ user, isSelf }: { user: PlatformUserView; isSelf: boolean }) {
  const t = useTranslations();
  const message = useMessage();
  const [toggleState, toggle, toggling] = useActionState(setUserDisabledAction, null);
  const [resetState, reset, resetting] = useActionState(platformResetLinkAction, null);
  // The status line tells the outcome of the last of the row's forms to be sent.
  const [last, setLast] = useState<"toggle" | "reset">("toggle");
  const feedback = last === "toggle" ? toggleState : resetState;
  const resetLink = last === "reset" && resetState?.ok ? resetState.data : undefined;
  const statusId = `user-${user.id}-status`;
  return (
    <>
      <tr className="border-t border-slate-200 align-top">
        <td className={`${cell} font-medium`}>
          {user.name}
          {isSelf && <span className="font-normal text-slate-700"> ({t("platformUsers.you")})</span>}
          {user.isPlatformAdmin && (
            <span className="block text-xs font-normal text-slate-700">{t("platformUsers.platformAdmin")}</span>
          )}
        </td>
        <td className={cell}>{user.email}</td>
        <td className={cell}>{user.countries}</td>
        <td className={cell}>
          <span
            className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${user.disabled ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-900"}`}
          >
            {user.status}
          </span>
        </td>
        <td className={cell}>
          {!isSelf && (
            <div className="flex flex-wrap justify-end gap-2">
              <form action={toggle} onSubmit={() => setLast("toggle")}>
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
                <Button
                  variant={user.disabled ? "secondary" : "danger"}
                  disabled={toggling}
                  aria-describedby={statusId}
                  className="px-2 py-1"
                >
                  {user.disabled ? t("platformUsers.enable") : t("platformUsers.disable")}
                </Button>
              </form>
              <form action={reset} onSubmit={() => setLast("reset")}>
                <input type="hidden" name="userId" value={user.id} />
                <Button
                  variant="secondary"
                  disabled={resetting}
                  aria-describedby={statusId}
                  className="whitespace-nowrap px-2 py-1"
                >
                  {t("members.resetLink")}
                </Button>
              </form>
            </div>
          )}
          <p
            id={statusId}
            aria-live="polite"
            className={`mt-1 text-right text-xs ${feedback?.ok ? "text-green-800" : "text-red-800"}`}
          >
            {feedback && message(feedback.message)}
          </p>
        </td>
      </tr>
      {resetLink && <ResetLinkRow link={resetLink.link} email={resetLink.email} colSpan={5} />}
    </>
  );
}
