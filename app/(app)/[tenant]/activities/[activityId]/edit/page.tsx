import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { getActivityForEdit, getActivityFormOptions } from "@/lib/data/activities";
import { NotFoundError } from "@/lib/domain/errors";
import { ActivityForm } from "@/components/activities/activity-form";
import { EditIndicators } from "@/components/activities/edit-indicators";
import { activityFormProps } from "@/components/activities/form-props";
import { activityValues } from "@/components/activities/form-values";
import { RemoveActivity } from "@/components/activities/remove-activity";
import { readingOf } from "@/components/ui/text";

type Params = Promise<{ tenant: string; activityId: string }>;

/** Admins and coordinators only: anyone else gets the same 404 as a missing activity. */
async function load(params: Params) {
  const { tenant, activityId } = await params;
  const ctx = await requireTenant(tenant, "plans.manage");
  try {
    const activity = await getActivityForEdit(ctx, activityId);
    const inUse = [activity.leadAgencyId, ...activity.partnerAgencyIds].filter((id): id is string => Boolean(id));
    return { ctx, tenant, activity, options: await getActivityFormOptions(ctx, activity.planId, inUse) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ activity }, t] = await Promise.all([load(params), getTranslations("activityForm")]);
  return { title: t("editTitle", { code: activity.code }) };
}

export default async function EditActivityPage({ params }: { params: Params }) {
  const [{ ctx, tenant, activity, options }, t, locale] = await Promise.all([
    load(params),
    getTranslations("activityForm"),
    getLocale(),
  ]);
  const activityHref = `/${tenant}/activities/${activity.id}`;
  return (
    <article className="flex max-w-4xl flex-col gap-4">
      <header>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/${tenant}/plans/${activity.planId}`} className="text-brand-700 hover:underline">
            {t("backToPlan")}
          </Link>
          <Link href={activityHref} className="text-brand-700 hover:underline">
            {t("backToActivity")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("editTitle", { code: activity.code })}</h1>
      </header>
      {activity.planStatus === "CLOSED" ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3 text-sm">{t("planClosed")}</p>
      ) : (
        <>
          {activity.archived && (
            <p className="rounded-md border border-slate-400 bg-slate-50 p-3 text-sm">{t("archivedNotice")}</p>
          )}
          <ActivityForm
            {...activityFormProps(tenant, options, readingOf(ctx.tenant, locale))}
            values={activityValues(activity)}
            activity={{
              id: activity.id,
              version: activity.version,
              code: activity.code,
              plannedStart: activity.plannedStart,
              plannedEnd: activity.plannedEnd,
              leadAgencyId: activity.leadAgencyId,
            }}
          />
          <EditIndicators
            tenant={tenant}
            activityId={activity.id}
            indicators={activity.indicators}
            reading={readingOf(ctx.tenant, locale)}
          />
          <section
            aria-labelledby="remove-title"
            className="flex flex-col gap-2 rounded-lg border border-red-200 bg-white p-4 shadow-sm"
          >
            <h2 id="remove-title" className="text-lg font-semibold">
              {t("removeTitle")}
            </h2>
            <RemoveActivity
              tenant={tenant}
              activity={{
                id: activity.id,
                code: activity.code,
                planId: activity.planId,
                archived: activity.archived,
                canDelete: activity.canDelete,
              }}
            />
          </section>
        </>
      )}
    </article>
  );
}
