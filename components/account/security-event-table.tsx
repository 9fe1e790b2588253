import { getFormatter, getTranslations } from "next-intl/server";
import type { SecurityEventRow } from "@/lib/domain/types/security-events";
import { describeDetails } from "./security-event-details";
import { TableScroll } from "@/components/ui/table-scroll";

const cell = "px-3 py-2";

/** Security events, newest first: for a tenant's administrators and for the platform administrator. */
export async function SecurityEventTable({ events }: { events: SecurityEventRow[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (events.length === 0) return <p className="text-sm text-slate-700">{t("securityEvents.none")}</p>;
  const eventName = (action: string) => {
    const key = `securityEvents.action.${action.replace(".", "_")}`;
    return t.has(key) ? t(key) : action;
  };
  const concerns = (e: SecurityEventRow) =>
    e.subjectType === "SignIn"
      ? t("securityEvents.subjectSignIn", { email: e.subject })
      : e.subjectType === "Client"
        ? t("securityEvents.subjectClient", { ip: e.subject })
        : e.subject;
  return (
    <TableScroll label={t("securityEvents.caption")} className="rounded-lg bg-white shadow-sm">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{t("securityEvents.caption")}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className={cell}>
              {t("securityEvents.when")}
            </th>
            <th scope="col" className={cell}>
              {t("securityEvents.event")}
            </th>
            <th scope="col" className={cell}>
              {t("securityEvents.concerns")}
            </th>
            <th scope="col" className={cell}>
              {t("securityEvents.by")}
            </th>
            <th scope="col" className={cell}>
              {t("securityEvents.address")}
            </th>
            <th scope="col" className={cell}>
              {t("securityEvents.details")}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-t border-slate-200 align-top">
              <td className={`${cell} whitespace-nowrap`}>
                <time dateTime={e.at.toISOString()}>
                  {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </td>
              <th scope="row" className={`${cell} text-left font-medium`}>
                {eventName(e.action)}
              </th>
              <td className={cell}>{concerns(e)}</td>
              <td className={cell}>
                {e.actorName ?? <span className="text-slate-700">{t("securityEvents.nobody")}</span>}
              </td>
              <td className={cell}>
                {e.ip ? (
                  <span className="font-mono text-xs">{e.ip}</span>
                ) : (
                  <span className="text-slate-700">{t("securityEvents.noValue")}</span>
                )}
              </td>
              <td className={cell}>{describeDetails(e.details, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
