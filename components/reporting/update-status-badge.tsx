import { getTranslations } from "next-intl/server";
import type { UpdateStatus } from "@/lib/domain/enums";

// Colour is never the only signal: the badge always carries the status as text.
const colours: Record<UpdateStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800 border-slate-400",
  SUBMITTED: "bg-blue-50 text-blue-900 border-blue-600",
  SIGNED_OFF: "bg-indigo-50 text-indigo-900 border-indigo-600",
  APPROVED: "bg-green-50 text-green-900 border-green-700",
  RETURNED: "bg-amber-50 text-amber-900 border-amber-600",
};

/** A progress update's state, as a badge with its name. */
export async function UpdateStatusBadge({ status }: { status: UpdateStatus }) {
  const t = await getTranslations("progress.status");
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${colours[status] ?? ""}`}
    >
      {t(status)}
    </span>
  );
}
