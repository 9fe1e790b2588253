import { getTranslations } from "next-intl/server";
import type { ActivityStatus, Pillar, PlanStatus } from "@/lib/domain/enums";

// Colour is never the only signal: every badge carries its status as text.
const activityColours: Record<ActivityStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800 border-slate-400",
  IN_PROGRESS: "bg-blue-50 text-blue-900 border-blue-600",
  COMPLETED: "bg-green-50 text-green-900 border-green-700",
  DELAYED: "bg-amber-50 text-amber-900 border-amber-600",
  CANCELLED: "bg-slate-50 text-slate-700 border-slate-300 line-through",
};

const planColours: Record<PlanStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800 border-slate-400",
  ACTIVE: "bg-green-50 text-green-900 border-green-700",
  CLOSED: "bg-slate-50 text-slate-700 border-slate-400",
};

/** The one badge shape: its colours from the caller, always with its text. */
function Badge({ colours, children }: { colours: string; children: React.ReactNode }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${colours}`}>
      {children}
    </span>
  );
}

export async function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const t = await getTranslations("activityStatus");
  return <Badge colours={activityColours[status] ?? ""}>{t(status)}</Badge>;
}

export async function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const t = await getTranslations("planStatus");
  return <Badge colours={planColours[status] ?? ""}>{t(status)}</Badge>;
}

export async function OverdueBadge() {
  const t = await getTranslations("plans");
  return <Badge colours="border-red-700 bg-red-50 text-red-900">{t("overdue")}</Badge>;
}

/** Each pillar's colour, the same wherever a pillar appears, always beside its name. */
export const PILLAR_COLOURS: Record<Pillar, string> = {
  PREVENTION: "bg-sky-50 text-sky-900 border-sky-700",
  PROTECTION: "bg-emerald-50 text-emerald-900 border-emerald-700",
  PROSECUTION: "bg-violet-50 text-violet-900 border-violet-700",
  PARTNERSHIP: "bg-amber-50 text-amber-900 border-amber-700",
};

export async function PillarBadge({ pillar }: { pillar: Pillar }) {
  const t = await getTranslations("pillars");
  return <Badge colours={PILLAR_COLOURS[pillar]}>{t(pillar)}</Badge>;
}
