import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ActivityDetail } from "@/lib/domain/types/activity-browse";
import { AgencyLink } from "@/components/browse/agency-link";
import { formatDay, formatPercent } from "@/components/browse/format";
import { ActivityStatusBadge, OverdueBadge, PillarBadge } from "@/components/ui/status-badge";
import { Text, type Reading } from "@/components/ui/text";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/** Where the activity sits in the plan, who does it, when, with what money, how far it is. */
export async function ActivityFacts({
  tenant,
  activity: a,
  reading,
}: {
  tenant: string;
  activity: ActivityDetail;
  reading: Reading;
}) {
  const [t, tAll, format] = await Promise.all([getTranslations("activityPage"), getTranslations(), getFormatter()]);
  const none = t("none");
  const budget =
    a.budget === null
      ? none
      : a.currency
        ? format.number(a.budget, { style: "currency", currency: a.currency, currencyDisplay: "code" })
        : format.number(a.budget, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="details-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="details-title" className="mb-3 text-lg font-semibold">
        {t("details")}
      </h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t("plan")}>
          <Link href={`/${tenant}/plans/${a.plan.id}`} className="text-brand-700 hover:underline">
            <Text value={a.plan.title} reading={reading} />
          </Link>
        </Fact>
        <Fact label={t("section")}>
          {a.section.code}. <Text value={a.section.title} reading={reading} />
        </Fact>
        <Fact label={t("pillar")}>
          {a.section.pillar ? <PillarBadge pillar={a.section.pillar} /> : tAll("pillars.none")}
        </Fact>
        <Fact label={t("objective")}>
          {a.objective.code} <Text value={a.objective.title} reading={reading} />
        </Fact>
        <Fact label={t("leadAgency")}>
          {a.leadAgency ? (
            <AgencyLink tenant={tenant} agency={a.leadAgency} reading={reading} />
          ) : (
            tAll("browse.noLead")
          )}
        </Fact>
        <Fact label={t("partners")}>
          {a.partners.length === 0 ? (
            t("noPartners")
          ) : (
            <ul className="flex flex-col gap-0.5">
              {a.partners.map((p) => (
                <li key={p.id}>
                  <AgencyLink tenant={tenant} agency={p} reading={reading} />
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label={t("plannedStart")}>{formatDay(format, a.plannedStart, none, "long")}</Fact>
        <Fact label={t("plannedEnd")}>
          <span className="flex flex-wrap items-center gap-2">
            {formatDay(format, a.plannedEnd, none, "long")}
            {a.overdue && <OverdueBadge />}
          </span>
        </Fact>
        <Fact label={t("status")}>
          <span className="flex flex-wrap items-center gap-2">
            <ActivityStatusBadge status={a.status} /> {formatPercent(format, a.percentComplete)}
          </span>
        </Fact>
        <Fact label={t("budget")}>{budget}</Fact>
        <Fact label={t("fundingSource")}>
          <Text value={a.fundingSource} reading={reading} empty={none} />
        </Fact>
      </dl>
      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div>
          <h3 className="text-sm text-slate-700">{t("description")}</h3>
          <p className="mt-1 text-sm whitespace-pre-line">
            <Text value={a.description} reading={reading} empty={none} />
          </p>
        </div>
        <div>
          <h3 className="text-sm text-slate-700">{t("expectedResults")}</h3>
          <p className="mt-1 text-sm whitespace-pre-line">
            <Text value={a.expectedResults} reading={reading} empty={none} />
          </p>
        </div>
      </div>
    </section>
  );
}
