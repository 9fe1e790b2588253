import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireTenant } from "@/lib/auth/session";
import { listOutbox } from "@/lib/data/outbox";
import { mailConfigured } from "@/lib/jobs/mailer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

const statusColours = {
  PENDING: "border-amber-600 bg-amber-50 text-amber-900",
  SENT: "border-green-700 bg-green-50 text-green-900",
  FAILED: "border-red-700 bg-red-50 text-red-900",
} as const;

// The tenant's mail outbox for its administrators: what was sent, or would have been without a
// mail server. One page of messages, two queries.
export default async function OutboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const [{ tenant }, { page }] = await Promise.all([params, searchParams]);
  const ctx = await requireTenant(tenant, "outbox.view");
  const [list, t, format] = await Promise.all([
    listOutbox(ctx, Number(page ?? 1)),
    getTranslations("outbox"),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <p className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
        {mailConfigured() ? t("configured") : t("notConfigured")}
      </p>
      {list.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {list.items.map((m) => (
            <li
              key={m.id}
              className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
            >
              <p className="flex flex-wrap items-baseline gap-2">
                <span
                  className={`rounded border px-1.5 text-xs font-medium whitespace-nowrap ${statusColours[m.status]}`}
                >
                  {t(`statuses.${m.status}`)}
                </span>
                <span className="font-medium break-words [overflow-wrap:anywhere]">{m.subject}</span>
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-700">
                <dt>{t("to")}</dt>
                <dd className="break-all">{m.toEmail}</dd>
                <dt>{t("created")}</dt>
                <dd>{when(m.createdAt)}</dd>
                <dt>{t("sent")}</dt>
                <dd>{m.sentAt ? when(m.sentAt) : t("notSent")}</dd>
                <dt>{t("status")}</dt>
                <dd>
                  {t("attempts", { count: m.attempts })}
                  {m.lastError ? ` · ${t("lastError", { error: m.lastError })}` : ""}
                </dd>
              </dl>
              <details>
                <summary className="cursor-pointer text-brand-700 underline underline-offset-2">{t("body")}</summary>
                <pre className="mt-2 max-w-full overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-xs [overflow-wrap:anywhere]">
                  {m.body}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 && (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3 text-sm">
          {list.page > 1 && (
            <a href={`/${tenant}/outbox?page=${list.page - 1}`} className="text-brand-700 underline">
              {t("previous")}
            </a>
          )}
          <span>{t("page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && (
            <a href={`/${tenant}/outbox?page=${list.page + 1}`} className="text-brand-700 underline">
              {t("next")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
