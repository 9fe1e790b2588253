import { getFormatter, getTranslations } from "next-intl/server";
import type { EnumName, FieldKind } from "@/lib/domain/audit-fields";
import { payloadFieldKind } from "@/lib/domain/audit-payloads";
import { isIsoDay } from "@/lib/domain/day";
import { CONTENT_LANGUAGE_NAMES, isContentLanguage } from "@/lib/domain/texts";
import type { History, HistoryValue } from "@/lib/domain/types/history";
import { formatDay, type Formatter } from "@/components/browse/format";

type T = Awaited<ReturnType<typeof getTranslations>>;
// Where the value lists a payload schema names are translated; the others read as recorded.
const ENUM_MESSAGES: Partial<Record<EnumName, string>> = {
  ActivityStatus: "activityStatus",
  IndicatorUnit: "activityPage.indicators.units",
  IndicatorDirection: "activityPage.indicators.directions",
  IndicatorValueKind: "activityPage.indicators.valueKinds",
};
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A recorded value as people read it, by what its payload schema says the field holds (a day, an
 * amount, a year...): translated statuses and units, dates and numbers in their language. Ids were
 * named by the data layer; a field the schema does not know reads as recorded.
 */
function display(kind: FieldKind | null, v: HistoryValue, t: T, format: Formatter): string {
  if (v === null || v === "") return t("history.empty");
  if (typeof v === "boolean") return v ? t("history.yes") : t("history.no");
  // Years are labels, not quantities: "2027", never "2,027".
  if (kind?.kind === "year") return String(v);
  // An indicator's breakdown as the activity page shows it: "sex: female, male".
  if (kind?.kind === "breakdown" && Array.isArray(v)) {
    const dims = v.filter(
      (d): d is { [key: string]: HistoryValue } =>
        typeof d === "object" && d !== null && !Array.isArray(d) && "dimension" in d,
    );
    if (dims.length === v.length)
      return dims.length
        ? dims.map((d) => `${d.dimension}: ${[d.categories].flat().join(", ")}`).join("; ")
        : t("history.empty");
  }
  // Decimal columns reach the audit event as strings ("25000.00"); they read as numbers.
  if (typeof v === "string" && kind?.kind === "amount" && DECIMAL.test(v)) return format.number(Number(v));
  if (typeof v === "number")
    return kind?.kind === "percent" ? format.number(v / 100, { style: "percent" }) : format.number(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => display(kind, x, t, format)).join(", ") : t("history.empty");
  if (typeof v === "object")
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${display(kind, x, t, format)}`)
      .join("; ");
  const enumKey = kind?.kind === "enum" ? ENUM_MESSAGES[kind.of] : undefined;
  if (enumKey && t.has(`${enumKey}.${v}`)) return t(`${enumKey}.${v}`);
  if (kind?.kind === "day" && isIsoDay(v)) return formatDay(format, new Date(`${v}T00:00:00Z`), v, "long");
  return v;
}

/** The activity's history, newest first: what happened, to what, when, by whom, why, and the changed fields. */
export async function HistoryList({ history }: { history: History }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const label = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  // A content field changes language by language: "title.ru" reads "Title (Русский)".
  const fieldLabel = (field: string) => {
    const [base, lang] = field.split(".");
    const name = label(`history.fields.${base}`, base);
    return isContentLanguage(lang)
      ? `${name} (${CONTENT_LANGUAGE_NAMES[lang]})`
      : label(`history.fields.${field}`, field);
  };
  return (
    <section aria-labelledby="history-title" className="flex flex-col gap-2">
      <h2 id="history-title" className="text-lg font-semibold">
        {t("history.title")}
      </h2>
      {history.events.length === 0 ? (
        <p className="text-sm text-slate-700">{t("history.none")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {history.events.map((e) => (
            <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <strong>{label(`history.actions.${e.action}`, e.action)}</strong>
                {e.subject && <span>— {e.subject}</span>}
                <time dateTime={e.at.toISOString()} className="text-slate-700">
                  {format.dateTime(e.at, {
                    year: "numeric",
                    month: "long",
                    day: "numeric",
                    hour: "2-digit",
                    minute: "2-digit",
                  })}
                </time>
                <span className="text-slate-700">{t("history.by", { name: e.actorName ?? t("history.system") })}</span>
              </p>
              {e.reason && (
                <p className="mt-1 text-sm">
                  <span className="font-medium">{t("history.reason")}:</span> {e.reason}
                </p>
              )}
              {e.changes.length > 0 && (
                <table className="mt-2 w-full border-collapse text-sm">
                  <caption className="sr-only">{t("history.caption")}</caption>
                  <thead className="text-left text-slate-700">
                    <tr>
                      <th scope="col" className="w-1/4 py-1 pr-2 font-medium">
                        {t("history.field")}
                      </th>
                      <th scope="col" className="py-1 pr-2 font-medium">
                        {t("history.from")}
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        {t("history.to")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changes.map((c) => {
                      const kind = payloadFieldKind(e.action, c.field);
                      return (
                        <tr key={c.field} className="border-t border-slate-100 align-top">
                          <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                            {fieldLabel(c.field)}
                          </th>
                          <td className="py-1 pr-2 break-words" lang={c.field.split(".")[1]}>
                            {display(kind, c.from, t, format)}
                          </td>
                          <td className="py-1 break-words" lang={c.field.split(".")[1]}>
                            {display(kind, c.to, t, format)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
      {history.hasMore && (
        <p className="text-sm text-slate-700">{t("history.more", { count: history.events.length })}</p>
      )}
    </section>
  );
}
