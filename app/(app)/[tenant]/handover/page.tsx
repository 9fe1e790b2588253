import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { listColleagues, listHandovers } from "@/lib/data/handovers";
import { toIsoDay } from "@/lib/domain/day";
import { HandoverForm } from "./_components/handover-form";
import { RevokeHandoverButton } from "./_components/revoke-handover-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("handover");
  return { title: t("title") };
}

// A focal point hands their agency's activities to a colleague until a day; everyone who may see
// them (the agency, coordinators, administrators) sees the active handovers. Two queries.
export default async function HandoverPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await requireTenant(tenant);
  const isFocal = ctx.role === "FOCAL_POINT" && Boolean(ctx.agencyId);
  const [handovers, colleagues, t, format] = await Promise.all([
    listHandovers(ctx),
    isFocal ? listColleagues(ctx) : Promise.resolve([]),
    getTranslations("handover"),
    getFormatter(),
  ]);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      {isFocal ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 className="mb-4 text-lg font-semibold">{t("formTitle")}</h2>
          {colleagues.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noColleagues")}</p>
          ) : (
            <HandoverForm tenant={tenant} colleagues={colleagues} today={toIsoDay(new Date())} />
          )}
        </section>
      ) : (
        <p className="text-sm text-slate-700">{t("onlyFocalPoints")}</p>
      )}
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("activeTitle")}</h2>
        {handovers.length === 0 ? (
          <p className="text-sm text-slate-700">{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {handovers.map((h) => (
              <li
                key={h.id}
                className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
              >
                <span className="font-medium">{t("fromTo", { from: h.from.name, to: h.to.name })}</span>
                <span className="text-slate-700">{t("untilDay", { day: day(h.until) })}</span>
                {h.canRevoke && (
                  <span className="ml-auto">
                    <RevokeHandoverButton tenant={tenant} handoverId={h.id} from={h.from.name} to={h.to.name} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
