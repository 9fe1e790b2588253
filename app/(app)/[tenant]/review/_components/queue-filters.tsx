import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PILLARS } from "@/lib/domain/enums";
import { textOf, type Reading } from "@/lib/domain/texts";
import { QUEUE_STATES, type ReviewFilterOptions, type ReviewFilters } from "@/lib/validation/review";

const control = "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900";
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
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`q-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`q-${name}`} name={name} defaultValue={value} className={control}>
        {children}
      </select>
    </div>
  );
}

/** A plain GET form: the filters live in the URL, work without JavaScript and survive a reload. */
export async function QueueFilters({
  tenant,
  filters,
  options,
  reading,
}: {
  tenant: string;
  filters: ReviewFilters;
  options: ReviewFilterOptions;
  reading: Reading;
}) {
  const [t, tAll] = await Promise.all([getTranslations("review"), getTranslations()]);
  return (
    <form
      method="get"
      action={`/${tenant}/review`}
      role="search"
      aria-labelledby="queue-filters-title"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="queue-filters-title" className="text-lg font-semibold">
        {t("filters.title")}
      </h2>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Select name="period" label={t("filters.period")} value={filters.periodId ?? ""}>
          <option value="">{t("filters.all")}</option>
          {options.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {textOf(p.label, reading)} · {textOf(p.planTitle, reading)}
            </option>
          ))}
        </Select>
        <Select name="pillar" label={t("filters.pillar")} value={filters.pillar ?? ""}>
          <option value="">{t("filters.all")}</option>
          {PILLARS.map((p) => (
            <option key={p} value={p}>
              {tAll(`pillars.${p}`)}
            </option>
          ))}
        </Select>
        <Select name="agency" label={t("filters.agency")} value={filters.agencyId ?? ""}>
          <option value="">{t("filters.all")}</option>
          {options.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {textOf(a.name, reading)}
            </option>
          ))}
        </Select>
        <Select name="state" label={t("filters.state")} value={filters.state}>
          {QUEUE_STATES.map((s) => (
            <option key={s} value={s}>
              {s === "waiting" || s === "all" ? t(`states.${s}`) : tAll(`progress.status.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t("filters.apply")}
        </button>
        <Link href={`/${tenant}/review`} className="text-sm text-brand-700 hover:underline">
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
