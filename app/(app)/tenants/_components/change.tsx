import { getFormatter, getTranslations } from "next-intl/server";

/**
 * A figure's change from the period before, under the figure: an arrow and the signed number for
 * the eye, the same in words for screen readers, and a colour that says whether it is good news
 * (never the only signal). Nothing when there is no period before or no figure in one of them.
 */
export async function Change({
  now,
  before,
  period,
  unit,
  better,
}: {
  now: number | null | undefined;
  before: number | null | undefined;
  /** The period before, as the reader reads its label. */
  period: string | null;
  /** Percentage points (shares, averages, rates) or a count (activities overdue, at risk). */
  unit: "points" | "count";
  /** Which way is good news: up for progress, down for overdue. */
  better: "up" | "down";
}) {
  if (period === null || now === null || now === undefined || before === null || before === undefined) return null;
  const [t, format] = await Promise.all([getTranslations("tenants.overview"), getFormatter()]);
  const delta = now - before;
  const size = Math.abs(delta);
  const signed = delta === 0 ? `±${format.number(0)}` : format.number(delta, { signDisplay: "always" });
  const shown = unit === "points" ? t("points", { delta: signed }) : signed;
  const words =
    delta === 0
      ? t("same", { period })
      : unit === "points"
        ? t(delta > 0 ? "upPoints" : "downPoints", { delta: size, period })
        : t(delta > 0 ? "up" : "down", { delta: size, period });
  const good = delta === 0 ? null : delta > 0 === (better === "up");
  const colour = good === null ? "text-slate-600" : good ? "text-green-800" : "text-red-800";
  return (
    <span className={`block text-xs whitespace-nowrap ${colour}`}>
      <span aria-hidden="true">
        {delta > 0 ? "▲ " : delta < 0 ? "▼ " : ""}
        {shown}
      </span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
