"use client";

import { useTranslations } from "next-intl";
import { ACTIVITY_FIELDS } from "@/lib/domain/activity-rules";
import { plainValue, type ConflictRow } from "./conflict-view";
import { useDay } from "./date-warnings";
import type { ActivityFormProps } from "./activity-form-fields";

const LABELS: Record<string, string> = {
  objectiveId: "objective",
  leadAgencyId: "leadAgency",
  partnerAgencyIds: "partners",
};

/** How each activity field reads in the conflict table: names rather than ids, dates in the reader's language. */
export function useActivityConflictRows({
  objectives,
  agencies,
}: Pick<ActivityFormProps, "objectives" | "agencies">): ConflictRow[] {
  const t = useTranslations();
  const day = useDay();
  const list = (v: unknown) =>
    (Array.isArray(v) ? v : v === null || v === undefined || v === "" ? [] : [v]).map(String);
  const agency = (id: string) => agencies.find((a) => a.id === id)?.label ?? id;
  const show: Record<string, (v: unknown) => string> = {
    objectiveId: (v) => objectives.find((o) => o.id === v)?.label ?? "",
    leadAgencyId: (v) => (v ? agency(String(v)) : ""),
    partnerAgencyIds: (v) => list(v).map(agency).join(", "),
    plannedStart: (v) => (v ? day(String(v)) : ""),
    plannedEnd: (v) => (v ? day(String(v)) : ""),
    status: (v) => (v ? t(`activityStatus.${String(v)}`) : ""),
    percentComplete: (v) => (v === "" || v === null || v === undefined ? "" : `${String(v)} %`),
  };
  return ACTIVITY_FIELDS.map((field) => ({
    field,
    label: t(`activityForm.${LABELS[field] ?? field}`),
    show: show[field] ?? plainValue,
  }));
}
