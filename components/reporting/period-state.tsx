// A reporting period's state where it matters (the periods page, the update form, the review
// queue, the activity page): a badge with the state's name and, beside it, the reason in words
// with its days in the reader's language ("Locked since 15 April 2026: the period closed").
// Colour is never the only signal. A server component: no hooks, no client JavaScript.
import { getFormatter, getTranslations } from "next-intl/server";
import { parseIsoDay } from "@/lib/domain/day";
import type { PeriodState as State, PeriodStatus } from "@/lib/domain/periods";
import type { Texts } from "@/lib/domain/texts";
import { Text, type Reading } from "@/components/ui/text";

const COLOURS: Record<State, string> = {
  UPCOMING: "border-slate-400 bg-slate-50 text-slate-800",
  OPEN: "border-blue-600 bg-blue-50 text-blue-900",
  DUE_SOON: "border-amber-600 bg-amber-50 text-amber-900",
  OVERDUE: "border-red-700 bg-red-50 text-red-900",
  LOCKED: "border-slate-600 bg-slate-100 text-slate-900",
};

/** The message values of a reason, its days written by `day` (the page's formatter). */
export function reasonValues(reason: PeriodStatus["reason"], day: (iso: string) => string) {
  const values: Record<string, string | number> = { day: day(reason.day) };
  if (reason.key === "dueOn") values.days = reason.days;
  if (reason.key === "overdue") values.locksOn = day(reason.locksOn);
  return values;
}

const capitalised = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** The reason alone, in the reader's language, to sit inside a sentence ("... does not accept reports: locked since ..."). */
export async function periodReason(status: PeriodStatus): Promise<string> {
  const [t, format] = await Promise.all([getTranslations("periods"), getFormatter()]);
  const day = (iso: string) => format.dateTime(parseIsoDay(iso), { day: "numeric", month: "long", year: "numeric" });
  return t(`reason.${status.reason.key}`, reasonValues(status.reason, day));
}

export async function PeriodState({
  period,
  reading,
  withLabel = false,
  className = "",
}: {
  period: { label: Texts; status: PeriodStatus };
  reading: Reading;
  /** Name the period before its state ("Q2 2026: Open, due on ..."). */
  withLabel?: boolean;
  className?: string;
}) {
  const [t, format] = await Promise.all([getTranslations("periods"), getFormatter()]);
  const { state, reason } = period.status;
  const day = (iso: string) => format.dateTime(parseIsoDay(iso), { day: "numeric", month: "long", year: "numeric" });
  const sentence = capitalised(t(`reason.${reason.key}`, reasonValues(reason, day)), reading.locale);
  return (
    <span className={`inline-flex flex-wrap items-baseline gap-x-2 gap-y-1 ${className}`} data-period-state={state}>
      {withLabel && (
        <span className="font-medium">
          <Text value={period.label} reading={reading} />:
        </span>
      )}
      <span
        className={`inline-block rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${COLOURS[state]}`}
      >
        {t(`state.${state}`)}
      </span>
      <span className="text-sm text-slate-800">{sentence}</span>
    </span>
  );
}
