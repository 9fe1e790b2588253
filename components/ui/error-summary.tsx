"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import { useMessage } from "./message";

interface Target {
  field: string;
  id: string | null;
  label: string;
}

/** The control a field error belongs to: its input, or the first input of its group (a field in several languages). */
function controlOf(form: HTMLFormElement, field: string): HTMLElement | null {
  const named = form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]:not([type=hidden])`);
  if (named) return named;
  return form.querySelector<HTMLElement>(
    `fieldset[data-field="${CSS.escape(field)}"] input, fieldset[data-field="${CSS.escape(field)}"] textarea`,
  );
}

function labelOf(form: HTMLFormElement, field: string, control: HTMLElement | null): string {
  const group = form.querySelector(`fieldset[data-field="${CSS.escape(field)}"] > legend`);
  if (group?.textContent) return group.textContent.trim();
  const label = control && "labels" in control ? (control as HTMLInputElement).labels?.[0] : null;
  return label?.textContent?.trim() ?? field;
}

/**
 * Every error of a refused form, at its top: a list of links to the fields, which takes the focus
 * when it appears (keyboard and screen-reader users land on it, not on the page body), while each
 * field still shows its own message beside it. `errors` are the field errors of the last answer.
 */
export function ErrorSummary({ errors }: { errors: Record<string, MessageRef> | null | undefined }) {
  const t = useTranslations("common");
  const message = useMessage();
  const box = useRef<HTMLDivElement>(null);
  const [targets, setTargets] = useState<Target[]>([]);
  const fields = Object.keys(errors ?? {}).filter((f) => f !== "_form");
  const key = fields.join("|");

  useLayoutEffect(() => {
    const form = box.current?.closest("form");
    if (!form) return;
    setTargets(
      fields.map((field) => {
        const control = controlOf(form, field);
        return { field, id: control?.id || null, label: labelOf(form, field, control) };
      }),
    );
    // The list changes with the set of fields in error, nothing else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (fields.length) box.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errors]);

  if (!errors || fields.length === 0) return <div ref={box} hidden />;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-950 focus:outline-3 focus:outline-offset-2 focus:outline-red-700"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="font-semibold">
        {t("errorSummary", { count: fields.length })}
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {(targets.length ? targets : fields.map((field) => ({ field, id: null, label: field }))).map((x) => (
          <li key={x.field}>
            <a
              href={x.id ? `#${x.id}` : undefined}
              className="text-red-900 underline underline-offset-2"
              onClick={(e) => {
                if (!x.id) return;
                e.preventDefault();
                document.getElementById(x.id)?.focus();
              }}
            >
              {x.label}: {message(errors[x.field])}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
