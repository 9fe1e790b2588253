import { getFormatter, getTranslations } from "next-intl/server";
import { parseIsoDay } from "@/lib/domain/day";
import { textOf } from "@/lib/domain/texts";
import type { ExceptionView } from "@/lib/domain/types/periods";
import { TableScroll } from "@/components/ui/table-scroll";
import { Text, type Reading } from "@/components/ui/text";
import { RevokeException } from "./revoke-exception";

/** Every exception granted in the plan's periods: for whom, which period, until when, why, who granted it and when. */
export async function ExceptionsTable({
  tenant,
  exceptions,
  reading,
  canRevoke,
}: {
  tenant: string;
  exceptions: ExceptionView[];
  reading: Reading;
  canRevoke: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("periods.exceptions"), getFormatter()]);
  const day = (iso: string) => format.dateTime(parseIsoDay(iso), { day: "numeric", month: "long", year: "numeric" });
  if (exceptions.length === 0) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  const caption = t("caption");
  return (
    <TableScroll label={caption} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("for")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("period")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("until")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("reason")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("grantedColumn")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("stateColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {exceptions.map((e) => {
            const name = e.agency
              ? textOf(e.agency.name, reading)
              : e.activity
                ? `${e.activity.code} ${textOf(e.activity.title, reading)}`
                : "";
            return (
              <tr key={e.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  <span className="block text-xs font-normal text-slate-700">
                    {e.agency ? t("scopeAgency") : t("scopeActivity")}
                  </span>
                  {e.agency ? (
                    <Text value={e.agency.name} reading={reading} />
                  ) : (
                    e.activity && (
                      <>
                        {e.activity.code} <Text value={e.activity.title} reading={reading} />
                      </>
                    )
                  )}
                </th>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Text value={e.periodLabel} reading={reading} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{day(e.until)}</td>
                <td className="px-3 py-2 whitespace-pre-line">{e.reason}</td>
                <td className="px-3 py-2 text-xs">
                  {t("grantedBy", { name: e.grantedBy ?? t("someone"), day: day(e.grantedOn) })}
                </td>
                <td className="px-3 py-2">
                  <span className="mr-2 inline-block rounded border border-slate-400 px-2 py-0.5 text-xs font-medium whitespace-nowrap">
                    {e.revokedOn ? t("revokedOn", { day: day(e.revokedOn) }) : e.active ? t("active") : t("expired")}
                  </span>
                  {canRevoke && e.active && <RevokeException tenant={tenant} exceptionId={e.id} name={name} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
