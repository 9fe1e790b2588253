"use client";

import { useParams, useRouter } from "next/navigation";
import { useId } from "react";
import { useTranslations } from "next-intl";

/** Always at hand: moves to the same kind of overview in another tenant the person belongs to. */
export function TenantSwitcher({ tenants }: { tenants: { slug: string; name: string }[] }) {
  const t = useTranslations("app");
  const id = useId();
  const router = useRouter();
  const params = useParams<{ tenant?: string }>();
  const current = tenants.some((x) => x.slug === params.tenant) ? params.tenant : "";
  // One country needs no chooser: its name is on the page already.
  if (tenants.length <= 1) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-700">
        {t("tenant")}
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) => router.push(e.target.value ? `/${e.target.value}` : "/tenants")}
        className="rounded-md border border-slate-400 bg-white px-2 py-1"
      >
        {!current && <option value="">{t("chooseTenant")}</option>}
        {tenants.map((x) => (
          <option key={x.slug} value={x.slug}>
            {x.name}
          </option>
        ))}
      </select>
    </div>
  );
}
