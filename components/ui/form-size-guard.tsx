"use client";

// Mounted once in the root layout. A form whose body is over Next's server-action limit would be
// refused by the server with nothing but an error digest, and what was typed would be gone.
// So every submit is measured first, in the capture phase on window: before React's own
// listener. An oversized form is stopped there (React never sends it, nothing typed is lost) and
// a message says why and what to do. Two bounds (lib/domain/form-size.ts): the text typed, about
// a megabyte, and everything with the attached files.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { formRefusal, kilobytes, measureForm, type FormRefusal } from "@/lib/domain/form-size";

interface Refusal extends Omit<FormRefusal, "largest"> {
  field: string | null;
}

export function FormSizeGuard() {
  const t = useTranslations("limits.formTooLarge");
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  useEffect(() => {
    function onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const found = formRefusal(measureForm(formEntries(form, event.submitter)));
      if (!found) {
        setRefusal(null);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      const { largest, ...rest } = found;
      setRefusal({ ...rest, field: largest ? labelOf(form, largest.name) : null });
    }
    window.addEventListener("submit", onSubmit, { capture: true });
    return () => window.removeEventListener("submit", onSubmit, { capture: true });
  }, []);

  // The live region stays in the page so that screen readers announce the message when it appears.
  return (
    <div aria-live="assertive" className="pointer-events-none fixed inset-x-0 top-0 z-50 flex justify-center px-2 pt-2">
      {refusal && (
        <div
          data-testid="form-too-large"
          className="pointer-events-auto max-w-2xl rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900 shadow-lg"
        >
          <p className="font-semibold">{t("title")}</p>
          <p>
            {t(refusal.reason === "text" ? "textFields" : "text", {
              size: kilobytes(refusal.bytes),
              limit: kilobytes(refusal.limit),
            })}
          </p>
          <p>
            {t("advice")} {refusal.field && t("largest", { field: refusal.field })}
          </p>
          <button
            type="button"
            onClick={() => setRefusal(null)}
            className="mt-2 rounded border border-red-700 px-2 py-1"
          >
            {t("dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}

function formEntries(form: HTMLFormElement, submitter: HTMLElement | null): Iterable<[string, FormDataEntryValue]> {
  try {
    return new FormData(form, submitter).entries();
  } catch {
    return new FormData(form).entries(); // the submitter was not a submit button of this form
  }
}

/** The visible label of a field, so the message can say where to shorten. */
function labelOf(form: HTMLFormElement, name: string): string | null {
  const item = form.elements.namedItem(name);
  const element = item instanceof RadioNodeList ? item[0] : item;
  if (!element || !("labels" in element)) return null;
  const label = (element as HTMLInputElement).labels?.[0]?.textContent?.trim();
  return label || null;
}
