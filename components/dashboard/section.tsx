import type { ReactNode } from "react";

/** One part of the dashboard: a titled region that streams in on its own. */
export function DashboardSection({
  id,
  title,
  description,
  children,
  busy = false,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Still counting (the Suspense fallback). */
  busy?: boolean;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <div className="mt-1 text-sm text-slate-700">{description}</div>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** What a part shows while the database counts: its title and a line that says so. */
export function SectionPending({ id, title, text }: { id: string; title: string; text: string }) {
  return (
    <DashboardSection id={id} title={title} busy>
      <p className="text-sm text-slate-700 motion-safe:animate-pulse">{text}</p>
    </DashboardSection>
  );
}
