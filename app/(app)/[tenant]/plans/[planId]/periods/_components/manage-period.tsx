import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PeriodListItem } from "@/lib/domain/types/periods";
import { ClosePeriodForm, DeletePeriodForm, ReopenPeriodForm } from "./lock-forms";
import { PeriodForm } from "./period-form";

/** One period's controls (coordinators): edit it, close or reopen it, delete it while it has no update. */
export async function ManagePeriod({
  tenant,
  base,
  period,
  label,
  planOpen,
}: {
  tenant: string;
  base: string;
  period: PeriodListItem;
  label: string;
  /** The plan is not closed: its periods' days may still change. */
  planOpen: boolean;
}) {
  const t = await getTranslations("periods");
  const locked = period.status.state === "LOCKED";
  return (
    <section
      aria-labelledby="manage-heading"
      className="flex flex-col gap-4 rounded-lg border border-brand-700 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="manage-heading" className="text-lg font-semibold" tabIndex={-1}>
          {t("manage.title", { label })}
        </h2>
        <Link href={base} className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {t("manage.back")}
        </Link>
      </div>
      {planOpen && (
        <section aria-labelledby="edit-heading" className="max-w-2xl">
          <h3 id="edit-heading" className="mb-2 font-semibold">
            {t("form.editTitle")}
          </h3>
          <PeriodForm tenant={tenant} period={period} base={base} />
        </section>
      )}
      <section aria-labelledby="lock-heading" className="max-w-2xl">
        <h3 id="lock-heading" className="mb-2 font-semibold">
          {locked ? t("lock.reopenTitle") : t("lock.closeTitle")}
        </h3>
        {locked ? (
          <ReopenPeriodForm tenant={tenant} periodId={period.id} />
        ) : (
          <ClosePeriodForm tenant={tenant} periodId={period.id} />
        )}
      </section>
      {planOpen && (
        <section aria-labelledby="delete-heading" className="max-w-2xl">
          <h3 id="delete-heading" className="mb-2 font-semibold">
            {t("lock.deleteTitle")}
          </h3>
          {period.deletable ? (
            <DeletePeriodForm tenant={tenant} periodId={period.id} label={label} base={base} />
          ) : (
            <p className="text-sm text-slate-700">{t("lock.cannotDelete")}</p>
          )}
        </section>
      )}
    </section>
  );
}
