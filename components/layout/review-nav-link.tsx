import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * The header's "Review" link for coordinators and administrators, with the number of updates
 * waiting for them (countAwaitingReview in lib/data/reporting/review.ts: one count). Render it only
 * for roles that may review ("progress.review"); the count is text, not only a coloured dot.
 */
export function ReviewNavLink({
  tenant,
  waiting,
  className = "",
}: {
  tenant: string;
  waiting: number;
  className?: string;
}) {
  const t = useTranslations("review.nav");
  return (
    <Link
      href={`/${tenant}/review`}
      className={`inline-flex items-center gap-1.5 text-sm text-brand-700 underline-offset-2 hover:underline ${className}`}
    >
      {t("label")}
      <span
        className={`rounded-full border px-1.5 text-xs font-medium tabular-nums ${
          waiting > 0 ? "border-amber-700 bg-amber-50 text-amber-900" : "border-slate-400 bg-white text-slate-700"
        }`}
      >
        <span aria-hidden="true">{waiting}</span>
        <span className="sr-only">{t("waiting", { count: waiting })}</span>
      </span>
    </Link>
  );
}
