"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

interface OneTimeLinkProps {
  link: string;
  /** What the link is and for whom, shown above it. */
  heading: string;
  /** The accessible name of the field holding the link. */
  label: string;
  testId: string;
}

/** A link shown once, to hand over by hand (email does not exist yet), with a copy button. */
export function OneTimeLink({ link, heading, label, testId }: OneTimeLinkProps) {
  const t = useTranslations("members");
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
      <p className="mb-2 font-medium">{heading}</p>
      <div className="flex items-center gap-2">
        <input
          aria-label={label}
          readOnly
          value={link}
          data-testid={testId}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
        />
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

/** The link to hand to an invitee. */
export function InvitationLink({ link, email }: { link: string; email: string }) {
  const t = useTranslations("members");
  return (
    <OneTimeLink
      link={link}
      heading={t("invitationCreated", { email })}
      label={t("invitationLink")}
      testId="invitation-link"
    />
  );
}

/** A single-use link to set a new password, for the person with this email. */
export function ResetLink({ link, email }: { link: string; email: string }) {
  const t = useTranslations("members");
  return (
    <OneTimeLink
      link={link}
      heading={t("resetLinkCreated", { email })}
      label={t("resetLinkLabel")}
      testId="reset-link"
    />
  );
}

/** A reset link shown once in a table, on a row of its own under the person's row. */
export function ResetLinkRow({ link, email, colSpan }: { link: string; email: string; colSpan: number }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 pb-3">
        {/* Kept in view when the table scrolls sideways on a narrow screen. */}
        <div className="sticky left-3 max-w-[calc(100vw-3.5rem)]">
          <ResetLink link={link} email={email} />
        </div>
      </td>
    </tr>
  );
}
