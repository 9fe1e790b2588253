import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FilterOptions } from "@/lib/domain/types/activity-browse";
import { textOf, type Reading, type Texts } from "@/lib/domain/texts";
import { ACTIVITY_STATUSES, PILLARS } from "@/lib/domain/enums";
import { AGENCY_ROLES, PAGE_SIZES, SORT_KEYS, type ActivityListState } from "@/lib/validation/activity-filters";
import { FilterAutoApply } from "./filter-auto-apply";

const control = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900";
const labelClass = "text-sm font-medium text-slate-800";

function Select({
  name,
  label,
  value,
  children,
}: {
  name: string;
  label: string;
  value: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`f-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value} className={control}>
        {children}
      </select>
    </div>
  );
}

/** Filters that narrow the list, counted for the folded panel's summary (the plan is always one). */
function activeCount(state: ActivityListState): number {
  const f = state.filters;
  return [f.q, f.pillar, f.objective, f.agency, f.role !== "any", f.status.length > 0, f.overdue].filter(Boolean)
    .length;
}

/**
 * A plain GET form: submitting it rewrites the query string, so the filters live in the URL, work
 * without JavaScript and survive a reload. The page number is left out: new filters start on page 1.
 * With JavaScript the choices apply as they change (FilterAutoApply); the button stays for the rest.
 */
export async function FilterForm({
  tenant,
  state,
  options,
  reading,
}: {
  tenant: string;
  state: ActivityListState;
  options: FilterOptions;
  reading: Reading;
}) {
  const [t, tAll, tForms] = await Promise.all([getTranslations("browse"), getTranslations(), getTranslations("forms")]);
  const active = activeCount(state);
  const f = state.filters;
  const name = (texts: Texts) => textOf(texts, reading);
  return (
    <form
      method="get"
      action={`/${tenant}/activities`}
      role="search"
      aria-labelledby="filters-title"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <FilterAutoApply panelId="filters-panel" />
      {/* Folded on small screens from the first paint (a tap opens it, with or without JavaScript);
          always shown from 640 px (globals.css .filters-panel), so nothing moves once the page runs. */}
      <details id="filters-panel" className="filters-panel group flex flex-col gap-4">
        <summary className="flex cursor-pointer items-baseline gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
          <h2 id="filters-title" className="text-lg font-semibold">
            {t("filters.title")}
          </h2>
          <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-90 sm:hidden">
            ▸
          </span>
          <span className="text-sm text-slate-600">{tForms("filters.active", { count: active })}</span>
        </summary>
        <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="flex flex-col gap-1 sm:col-span-2 lg:col-span-3">
            <label htmlFor="f-q" className={labelClass}>
              {t("filters.search")}
            </label>
            <input
              id="f-q"
              type="search"
              name="q"
              defaultValue={f.q}
              maxLength={200}
              aria-describedby="f-q-hint"
              className={control}
            />
            <p id="f-q-hint" className="text-xs text-slate-600">
              {t("filters.searchHint")}
            </p>
          </div>
          <Select name="plan" label={t("filters.plan")} value={options.plan?.id ?? ""}>
            {options.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {name(p.title)} ({tAll(`planStatus.${p.status}`)})
              </option>
            ))}
          </Select>
          <Select name="pillar" label={t("filters.pillar")} value={f.pillar ?? ""}>
            <option value="">{t("filters.all")}</option>
            {PILLARS.map((p) => (
              <option key={p} value={p}>
                {tAll(`pillars.${p}`)}
              </option>
            ))}
          </Select>
          <Select name="objective" label={t("filters.objective")} value={f.objective ?? ""}>
            <option value="">{t("filters.all")}</option>
            {options.sections.map((s) => (
              <optgroup key={s.id} label={`${s.code}. ${name(s.title)}`}>
                {options.objectives
                  .filter((o) => o.sectionId === s.id)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.code} {name(o.title)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
          <Select name="agency" label={t("filters.agency")} value={f.agency ?? ""}>
            <option value="">{t("filters.all")}</option>
            {options.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.archived ? t("filters.archived", { name: name(a.name) }) : name(a.name)}
              </option>
            ))}
          </Select>
          <Select name="role" label={t("filters.role")} value={f.role}>
            {AGENCY_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`filters.roles.${r}`)}
              </option>
            ))}
          </Select>
          <fieldset className="flex flex-col gap-1">
            <legend className={labelClass}>{t("filters.status")}</legend>
            {ACTIVITY_STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="status"
                  value={s}
                  defaultChecked={f.status.includes(s)}
                  className="size-4"
                />
                {tAll(`activityStatus.${s}`)}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-col gap-1">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                name="overdue"
                value="1"
                defaultChecked={f.overdue}
                aria-describedby="f-overdue-hint"
                className="size-4"
              />
              {t("filters.overdue")}
            </label>
            <p id="f-overdue-hint" className="text-xs text-slate-600">
              {t("filters.overdueHint")}
            </p>
          </div>
          <div className="grid grid-cols-3 gap-2 sm:col-span-2">
            <Select name="sort" label={t("filters.sort")} value={state.sort.by}>
              {SORT_KEYS.map((k) => (
                <option key={k} value={k}>
                  {t(`sortKeys.${k}`)}
                </option>
              ))}
            </Select>
            <Select name="dir" label={t("filters.direction")} value={state.sort.dir}>
              <option value="asc">{t("filters.asc")}</option>
              <option value="desc">{t("filters.desc")}</option>
            </Select>
            <Select name="size" label={t("filters.size")} value={String(state.page.size)}>
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </div>
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t("filters.apply")}
        </button>
        <Link href={`/${tenant}/activities`} className="text-sm text-brand-700 hover:underline">
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
