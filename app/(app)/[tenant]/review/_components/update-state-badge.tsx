import { getTranslations } from "next-intl/server";
import type { UpdateStatus } from "@/lib/domain/enums";

// Colour is never the only signal: the badge always carries the state as text.
const COLOURS: Record<UpdateStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800 border-slate-400",
  SUBMITTED: "bg-blue-50 text-blue-900 border-blue-600",
  SIGNED_OFF: "bg-violet-50 text-violet-900 border-violet-700",
  APPROVED: "bg-green-50 text-green-900 border-green-700",
  RETURNED: "bg-amber-50 text-amber-900 border-amber-700",
};

export async function UpdateStateBadge({ status }: { status: UpdateStatus }) {
  const t = await getTranslations("progress.status");
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${COLOURS[status]}`}
    >
      {t(status)}
    </span>
  );
}
