import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * Previous / next links and where we are; links, so every page has its own shareable address.
 * `label` names the navigation when a page has more than one list ("Pages of the queue").
 */
export async function Pagination({
  page,
  pageCount,
  href,
  label,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("browse.pagination");
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-slate-100";
  return (
    <nav aria-label={label ?? t("label")} className="flex flex-wrap items-center gap-3">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={link}>
          {t("previous")}
        </Link>
      )}
      <p className="text-sm text-slate-700">{t("page", { page, pages: pageCount })}</p>
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next" className={link}>
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
