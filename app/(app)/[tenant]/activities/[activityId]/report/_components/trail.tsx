import { getFormatter, getTranslations } from "next-intl/server";
import type { TrailStep } from "@/lib/domain/types/progress";

/** Every step of the update: who, when, the comment, and what changed between submissions. */
export async function Trail({ trail }: { trail: TrailStep[] }) {
  const [t, tAll, format] = await Promise.all([getTranslations("progress"), getTranslations(), getFormatter()]);
  const label = (key: string, fallback: string) => (tAll.has(key) ? tAll(key) : fallback);
  let submissions = 0;
  return (
    <section aria-labelledby="trail-title" className="flex flex-col gap-2">
      <h2 id="trail-title" className="text-lg font-semibold">
        {t("trail.title")}
      </h2>
      {trail.length === 0 ? (
        <p className="text-sm text-slate-700">{t("trail.none")}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {trail.map((s, i) => {
            const submitted = s.action === "update.submitted";
            const again = submitted && submissions++ > 0;
            return (
              <li key={i} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <strong>{label(`history.actions.${s.action}`, s.action)}</strong>
                  <time dateTime={s.at.toISOString()} className="text-slate-700">
                    {format.dateTime(s.at, {
                      year: "numeric",
                      month: "long",
                      day: "numeric",
                      hour: "2-digit",
                      minute: "2-digit",
                    })}
                  </time>
                  <span className="text-slate-700">{t("trail.by", { name: s.by ?? t("trail.system") })}</span>
                </p>
                {s.comment && <p className="mt-1 break-words whitespace-pre-line">{s.comment}</p>}
                {again && (
                  <p className="mt-1 text-slate-700">
                    {s.changed.length
                      ? t("trail.changed", {
                          fields: s.changed.map((f) => label(`progress.fields.${f}`, f)).join(", "),
                        })
                      : t("trail.unchanged")}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
