import { getFormatter, getTranslations } from "next-intl/server";
import type { PeriodStatus } from "@/lib/domain/periods";
import { formatDay } from "@/components/browse/format";

// A minimal stand-in for components/reporting/period-state.tsx (built in parallel): the period's
// state as a badge with its name, and the reason in words. The lead swaps it for the shared one.
const colours: Record<PeriodStatus["state"], string> = {
  UPCOMING: "bg-slate-100 text-slate-800 border-slate-400",
  OPEN: "bg-green-50 text-green-900 border-green-700",
  DUE_SOON: "bg-amber-50 text-amber-900 border-amber-600",
  OVERDUE: "bg-red-50 text-red-900 border-red-700",
  LOCKED: "bg-slate-50 text-slate-700 border-slate-500",
};

/** The reason a period is in its state, in the reader's language ("locked since 30 April 2026: ..."). */
export async function periodReason(status: PeriodStatus): Promise<string> {
  const [t, format] = await Promise.all([getTranslations("periods.reason"), getFormatter()]);
  const r = status.reason;
  const day = formatDay(format, r.day, "", "long");
  switch (r.key) {
    case "dueOn":
      return t("dueOn", { day, days: r.days });
    case "overdue":
      return t("overdue", { day, locksOn: formatDay(format, r.locksOn, "", "long") });
    default:
      return t(r.key, { day });
  }
}

export async function PeriodState({ status }: { status: PeriodStatus }) {
  const [t, reason] = await Promise.all([getTranslations("periods.state"), periodReason(status)]);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span
        className={`inline-block rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${colours[status.state]}`}
      >
        {t(status.state)}
      </span>
      <span className="text-sm text-slate-700">{reason}</span>
    </span>
  );
}
