import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";
import { LogoMark } from "./logo-mark";
import { TenantSwitcher } from "./tenant-switcher";
import { UserMenu } from "./user-menu";

interface Props {
  user: { name: string; email: string; isPlatformAdmin: boolean };
  tenants: { slug: string; name: string }[];
}

export async function AppHeader({ user, tenants }: Props) {
  const t = await getTranslations("app");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-brand-800">
          <LogoMark />
          {t("name")}
        </Link>
        <TenantSwitcher tenants={tenants} />
        {user.isPlatformAdmin && (
          <Link href="/admin" className="text-sm text-brand-700 underline-offset-2 hover:underline">
            {t("platformAdmin")}
          </Link>
        )}
        <div className="ml-auto flex items-center gap-3">
          <LanguageSwitcher />
          <UserMenu name={user.name} email={user.email} tenants={tenants.map((x) => x.slug)} />
        </div>
      </div>
    </header>
  );
}
