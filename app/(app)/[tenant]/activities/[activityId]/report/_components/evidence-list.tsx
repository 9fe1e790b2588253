import { getFormatter, getTranslations } from "next-intl/server";
import type { ContributionView, EvidenceView } from "@/lib/domain/types/progress";
import { textOf, type Reading } from "@/lib/domain/texts";
import { RemoveEvidence } from "./remove-evidence";

/** The update's files, each with a download link (an attachment) and, while it may change, a remove button. */
export async function EvidenceList({
  tenant,
  evidence,
  contributions,
  removable,
  reading,
}: {
  tenant: string;
  evidence: EvidenceView[];
  contributions: ContributionView[];
  /** Which files this person may remove now. */
  removable: (e: EvidenceView) => boolean;
  reading: Reading;
}) {
  const [t, tAccess, format] = await Promise.all([
    getTranslations("progress.evidence"),
    getTranslations("progress.access"),
    getFormatter(),
  ]);
  const agencyOf = (id: string | null) => {
    const c = id ? contributions.find((x) => x.id === id) : null;
    return c ? textOf(c.agency.shortName, reading) || textOf(c.agency.name, reading) : null;
  };
  return (
    <section aria-labelledby="evidence-title" className="flex flex-col gap-2">
      <h2 id="evidence-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {evidence.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {evidence.map((e) => {
            const agency = agencyOf(e.contributionId);
            return (
              <li key={e.id} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 text-sm">
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <a
                    href={`/api/tenants/${tenant}/evidence/${e.id}`}
                    className="font-medium break-all text-brand-700 underline"
                    aria-label={t("downloadLabel", { name: e.fileName })}
                    download
                  >
                    {e.fileName}
                  </a>
                  {removable(e) && <RemoveEvidence tenant={tenant} evidenceId={e.id} name={e.fileName} />}
                </span>
                <span className="text-slate-700">
                  {t("meta", {
                    size: format.number(e.size / 1024, { maximumFractionDigits: 1 }) + " KB",
                    access: tAccess(e.access),
                    name: e.uploadedBy ?? "—",
                  })}
                  {agency && ` · ${t("ofContribution", { agency })}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
