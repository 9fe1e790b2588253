import { getTranslations } from "next-intl/server";
import { PILLARS } from "@/lib/domain/enums";
import { byText, textOf, type Reading, type Texts } from "@/lib/domain/texts";
import type { DashboardView } from "@/lib/domain/types/dashboard";
import type { DashboardState } from "./href";

const select = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

/**
 * The dashboard's filters, a GET form: the URL carries them, so a view can be shared and works
 * without JavaScript. The agencies' sort survives a change of filters.
 */
export async function DashboardFilters({
  slug,
  view,
  state,
  options,
  reading,
}: {
  slug: string;
  view: DashboardView;
  state: DashboardState;
  options: { plans: { id: string; title: Texts }[]; agencies: { id: string; name: Texts }[] };
  reading: Reading;
}) {
  const [t, tPillar] = await Promise.all([getTranslations("dashboard.filters"), getTranslations("pillars")]);
  return (
    <form
      method="get"
      action={`/${slug}`}
      aria-label={t("label")}
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-5"
    >
      <label className="text-sm font-medium">
        {t("plan")}
        <select name="plan" defaultValue={view.plan?.id ?? ""} className={select}>
          {options.plans.map((p) => (
            <option key={p.id} value={p.id}>
              {textOf(p.title, reading)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("asOf")}
        <select name="asOf" defaultValue={view.asOf?.id ?? ""} className={select}>
          {view.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {textOf(p.label, reading)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("pillar")}
        <select name="pillar" defaultValue={view.pillar ?? ""} className={select}>
          <option value="">{t("allPillars")}</option>
          {PILLARS.map((p) => (
            <option key={p} value={p}>
              {tPillar(p)}
            </option>
          ))}
          <option value="NONE">{t("noPillar")}</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("agency")}
        <select name="agency" defaultValue={view.agencyId ?? ""} className={select}>
          <option value="">{t("allAgencies")}</option>
          {byText(options.agencies, (a) => a.name, reading).map((a) => (
            <option key={a.id} value={a.id}>
              {textOf(a.name, reading)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-col justify-end gap-2">
        {view.canSeeSubmitted && (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="submitted"
              value="1"
              defaultChecked={view.submitted}
              className="mt-0.5 h-4 w-4"
            />
            <span>{t("submitted")}</span>
          </label>
        )}
        {state.sort !== "name" && <input type="hidden" name="sort" value={state.sort} />}
        {state.dir !== "asc" && <input type="hidden" name="dir" value={state.dir} />}
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
