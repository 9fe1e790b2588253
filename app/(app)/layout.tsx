import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/session";
import { listMyTenants } from "@/lib/data/tenants";
import { getLocale } from "next-intl/server";
import { textOf } from "@/lib/domain/texts";
import { readingOf } from "@/components/ui/text";
import { Toaster } from "@/components/ui/toaster";

// Renders the header only; every page still checks access itself (layouts do not re-run on navigation).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [tenants, locale] = await Promise.all([listMyTenants(user), getLocale()]);
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader
        user={{ name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin }}
        tenants={tenants.map((t) => ({ slug: t.slug, name: textOf(t.name, readingOf(t, locale)) }))}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <Toaster />
    </div>
  );
}
