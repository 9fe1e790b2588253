import { getTranslations } from "next-intl/server";

/**
 * The change of a figure since the previous period, in words and with its sign; the arrow and
 * the colour only repeat what the words say. `good` says which way is better ("up": more
 * completed; "down": fewer overdue); "points" for percentages.
 */
export async function Change({
  now,
  before,
  period,
  good,
  points = false,
}: {
  now: number | null;
  before: number | null | undefined;
  period: string | null;
  good: "up" | "down";
  points?: boolean;
}) {
  if (before === undefined || before === null || now === null || !period) return null;
  const t = await getTranslations("dashboard.change");
  const delta = now - before;
  if (delta === 0) return <span className="text-xs text-slate-700">{t("none", { period })}</span>;
  const better = delta > 0 === (good === "up");
  const n = Math.abs(delta);
  return (
    <span className={`text-xs font-medium ${better ? "text-green-800" : "text-red-800"}`}>
      <span aria-hidden="true">{delta > 0 ? "▲" : "▼"} </span>
      {t(`${delta > 0 ? "up" : "down"}${points ? "Points" : ""}`, { n, period })}
    </span>
  );
}
