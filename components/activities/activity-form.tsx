"use client";

import { useActionState, useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useSavedToast } from "@/components/ui/message";
import { createActivityAction, updateActivityAction } from "@/lib/actions/activities";
import { ActivityFormFields, type ActivityFormProps } from "./activity-form-fields";
import { ConflictView, asConflict } from "./conflict-view";
import { DateWarnings } from "./date-warnings";
import { useActivityConflictRows } from "./use-conflict-rows";

/**
 * Creates an activity (with its indicators), or edits one over the version it was loaded with.
 * Saved: on to the activity's page, unless its dates need a second look (then say so here).
 * Refused: the typed values come back into the form; on a conflict, what the other person saved.
 */
export function ActivityForm(props: ActivityFormProps) {
  const { tenant, activity, plan } = props;
  const t = useTranslations("activityForm");
  const router = useRouter();
  const [state, action, pending] = useActionState(activity ? updateActivityAction : createActivityAction, null);
  const saved = state?.ok ? state.data : undefined;
  const rows = useActivityConflictRows(props);
  // The toast outlives the move to the activity's page.
  useSavedToast(state);

  useEffect(() => {
    if (saved && saved.warnings.length === 0) router.push(`/${tenant}/activities/${saved.id}`);
  }, [saved, router, tenant]);

  if (saved) {
    return (
      <div
        role="status"
        className="flex flex-col gap-3 rounded-md border border-green-700 bg-green-50 p-4 text-sm text-green-950"
      >
        <p className="font-medium">
          {saved.warnings.length ? t("savedWithWarnings") : t(activity ? "saved" : "created")}
        </p>
        <DateWarnings warnings={saved.warnings} plan={plan} />
        <p className="flex flex-wrap gap-4">
          <Link href={`/${tenant}/activities/${saved.id}`} className="font-medium text-brand-700 underline">
            {t("openActivity")}
          </Link>
          {/* A full load: the form starts again from what was just saved. */}
          <a href={`/${tenant}/activities/${saved.id}/edit`} className="text-brand-700 underline">
            {t("keepEditing")}
          </a>
        </p>
      </div>
    );
  }

  const failed = state && !state.ok ? state : null;
  const conflict = asConflict(failed?.current);
  // A new result remounts the fields, so they start from what the server echoed back.
  const stamp = JSON.stringify(failed?.values ?? "") + String(conflict?.version ?? "");
  return (
    <div className="flex flex-col gap-4">
      {conflict && failed?.values && (
        <ConflictView
          conflict={conflict}
          mine={failed.values}
          rows={rows}
          reloadHref={`/${tenant}/activities/${activity?.id}/edit`}
        />
      )}
      <ActivityFormFields
        key={stamp}
        {...props}
        action={action}
        pending={pending}
        state={state}
        values={failed?.values ?? props.values}
        serverErrors={failed?.fieldErrors ?? {}}
        version={conflict?.version ?? activity?.version}
      />
    </div>
  );
}
