import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listPlatformUsers } from "@/lib/data/platform-users";
import { Button } from "@/components/ui/button";
import { AdminNav } from "../_components/admin-nav";
import { UserRow, type PlatformUserView } from "./_components/user-row";
import { TableScroll } from "@/components/ui/table-scroll";

// listPlatformUsers returns at most this many; past it, the page asks for a narrower search.
const SHOWN = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("platformUsers");
  return { title: t("title") };
}

export default async function PlatformUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const user = await requireUser();
  if (!user.isPlatformAdmin) notFound();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";
  const [people, t, format] = await Promise.all([
    listPlatformUsers(user, q || null),
    getTranslations(),
    getFormatter(),
  ]);
  const views: PlatformUserView[] = people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    countries: p.tenants.length ? p.tenants.join(", ") : t("platformUsers.noCountries"),
    isPlatformAdmin: p.isPlatformAdmin,
    disabled: Boolean(p.disabledAt),
    status: p.disabledAt
      ? t("platformUsers.disabledSince", {
          date: format.dateTime(p.disabledAt, { dateStyle: "medium", timeStyle: "short" }),
        })
      : t("platformUsers.active"),
  }));
  const th = "px-3 py-2";
  return (
    <div className="flex flex-col gap-6">
      <AdminNav current="users" />
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold">{t("platformUsers.title")}</h1>
        <p className="text-sm text-slate-700">{t("platformUsers.intro")}</p>
        <form method="get" role="search" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="people-q" className="text-sm font-medium text-slate-800">
              {t("platformUsers.search")}
            </label>
            <input
              id="people-q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={100}
              className="w-72 max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
            />
          </div>
          <Button>{t("platformUsers.searchButton")}</Button>
          {q && (
            <Link href="/admin/users" className="px-2 py-2 text-sm text-brand-700 underline underline-offset-2">
              {t("platformUsers.showAll")}
            </Link>
          )}
        </form>
        {views.length === 0 ? (
          <p className="text-sm text-slate-700">{t("platformUsers.none")}</p>
        ) : (
          <TableScroll
            label={q ? t("platformUsers.captionFor", { q }) : t("platformUsers.caption")}
            className="rounded-lg bg-white shadow-sm"
          >
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">
                {q ? t("platformUsers.captionFor", { q }) : t("platformUsers.caption")}
              </caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className={th}>
                    {t("platformUsers.name")}
                  </th>
                  <th scope="col" className={th}>
                    {t("platformUsers.email")}
                  </th>
                  <th scope="col" className={th}>
                    {t("platformUsers.countries")}
                  </th>
                  <th scope="col" className={th}>
                    {t("platformUsers.status")}
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t("platformUsers.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {views.map((v) => (
                  <UserRow key={v.id} user={v} isSelf={v.id === user.id} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {views.length >= SHOWN && (
          <p className="text-sm text-slate-700">{t("platformUsers.limit", { count: SHOWN })}</p>
        )}
      </section>
    </div>
  );
}
