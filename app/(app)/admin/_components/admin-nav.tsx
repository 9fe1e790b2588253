import Link from "next/link";
import { getTranslations } from "next-intl/server";

const PAGES = [
  { key: "tenants", href: "/admin" },
  { key: "users", href: "/admin/users" },
  { key: "security", href: "/admin/security" },
] as const;

/** The platform administration's pages; the current one is marked for screen readers and by an underline. */
export async function AdminNav({ current }: { current: (typeof PAGES)[number]["key"] }) {
  const t = await getTranslations("adminNav");
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-4 text-sm">
        {PAGES.map((p) => (
          <li key={p.key}>
            <Link
              href={p.href}
              aria-current={p.key === current ? "page" : undefined}
              className="inline-block border-b-2 border-transparent px-1 py-2 text-brand-700 hover:border-brand-600 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold"
            >
              {t(p.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
