"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/** The link to hand to an invitee (email does not exist yet), with a copy button. */
export function InvitationLink({ link, email }: { link: string; email: string }) {
  const t = useTranslations("members");
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
      <p className="mb-2 font-medium">{t("invitationCreated", { email })}</p>
      <div className="flex items-center gap-2">
        <input aria-label={t("invitationLink")} readOnly value={link} data-testid="invitation-link" className="flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900" />
        <button
          type="button"
          className="rounded border border-slate-400 bg-white px-2 py-1 text-slate-900"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}
