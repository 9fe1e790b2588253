import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { PlanTree } from "@/lib/domain/types/plans";
import { isOverdue, localized } from "@/lib/domain/localized";
import { ActivityStatusBadge, OverdueBadge } from "@/components/ui/status-badge";
import { MoveControls } from "./move-controls";

type Activity = PlanTree["sections"][number]["objectives"][number]["activities"][number];

/** One objective's activities; managers of an open plan also get the order controls. */
export async function ActivityTable({
  tenant,
  code,
  activities,
  manage,
  today,
}: {
  tenant: string;
  code: string;
  activities: Activity[];
  manage: boolean;
  today: Date;
}) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("plans.activitiesOf", { code })}</caption>
      <thead className="text-left text-slate-700">
        <tr>
          <th scope="col" className="w-16 py-1 pr-2">
            {t("plans.code")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("plans.activity")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("plans.lead")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("plans.status")}
          </th>
          <th scope="col" className="py-1 pr-2 text-right">
            {t("plans.percent")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("plans.plannedEnd")}
          </th>
          {manage && (
            <th scope="col" className="py-1">
              <span className="sr-only">{t("structure.order")}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {activities.map((a, i) => (
          <tr key={a.id} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-2 font-mono">{a.code}</td>
            <td className="py-1 pr-2">
              <Link href={`/${tenant}/activities/${a.id}`} className="text-brand-700 hover:underline">
                {localized(a.title, a.titles, locale)}
              </Link>
            </td>
            <td className="py-1 pr-2">
              {a.leadAgency ? localized(a.leadAgency.name, a.leadAgency.names, locale) : "—"}
            </td>
            <td className="py-1 pr-2">
              <span className="flex flex-wrap gap-1">
                <ActivityStatusBadge status={a.status} />
                {isOverdue(a, today) && <OverdueBadge />}
              </span>
            </td>
            <td className="py-1 pr-2 text-right">{format.number(a.percentComplete / 100, { style: "percent" })}</td>
            <td className="py-1 pr-2 whitespace-nowrap">
              {a.plannedEnd ? format.dateTime(a.plannedEnd, { year: "numeric", month: "short", day: "numeric" }) : "—"}
            </td>
            {manage && (
              <td className="py-1 text-right">
                <MoveControls
                  kind="activity"
                  tenant={tenant}
                  id={a.id}
                  name={t("structure.activityName", { code: a.code })}
                  first={i === 0}
                  last={i === activities.length - 1}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
