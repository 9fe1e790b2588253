"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";

/**
 * The signed-in person's menu: their account, their access in the tenant of the page (when the
 * page is one of their tenants'), and signing out.
 */
export function UserMenu({ name, email, tenants }: { name: string; email: string; tenants: string[] }) {
  const t = useTranslations("app");
  const tAccess = useTranslations("access");
  const params = useParams<{ tenant?: string }>();
  const tenant = params.tenant && tenants.includes(params.tenant) ? params.tenant : null;
  const close = (e: React.MouseEvent<HTMLElement>) => e.currentTarget.closest("details")?.removeAttribute("open");
  const [, signOut, signingOut] = useActionState(signOutAction, null);
  const [, signOutAll, signingOutAll] = useActionState(signOutEverywhereAction, null);
  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer list-none rounded px-2 py-1 text-slate-800 hover:bg-slate-100" title={email}>
        {name} <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 flex w-56 flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <p className="truncate px-2 py-1 text-xs text-slate-600">{email}</p>
        <Link href="/account" onClick={close} className="rounded px-2 py-1 text-brand-700 hover:bg-slate-100">
          {t("account")}
        </Link>
        {tenant && (
          <Link
            href={`/${tenant}/access`}
            onClick={close}
            className="rounded px-2 py-1 text-brand-700 hover:bg-slate-100"
          >
            {tAccess("menuLink")}
          </Link>
        )}
        <form action={signOut}>
          <button type="submit" disabled={signingOut} className="w-full rounded px-2 py-1 text-left hover:bg-slate-100">
            {t("signOut")}
          </button>
        </form>
        <form action={signOutAll}>
          <button
            type="submit"
            disabled={signingOutAll}
            className="w-full rounded px-2 py-1 text-left hover:bg-slate-100"
          >
            {t("signOutEverywhere")}
          </button>
        </form>
      </div>
    </details>
  );
}
