"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import { FILE_MAX_BYTES } from "@/lib/domain/limits";
import { megabytes } from "@/lib/validation/files";
import { useMessage } from "@/components/ui/message";

/** The input's accept list: a first filter for the picker only; the server checks the bytes. */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx";

/**
 * The file input "Evidence" (several files) and, for each file chosen, whether it is restricted
 * (the default) or shareable: one "evidenceAccess" per file, in the order the files are posted.
 */
export function EvidenceInput({ error, name = "evidence" }: { error?: MessageRef; name?: string }) {
  const t = useTranslations("progress");
  const message = useMessage();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<string[]>([]);

  // A form action resets the form after it ran: the list of files goes with the files.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const reset = () => setFiles([]);
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, []);

  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("form.evidence")}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        name={name}
        multiple
        accept={ACCEPT}
        aria-describedby={describedBy}
        aria-invalid={Boolean(error)}
        className="max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        onChange={(e) => setFiles(Array.from(e.target.files ?? []).map((f) => f.name))}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("form.evidenceHint", { max: megabytes(FILE_MAX_BYTES) })}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {message(error)}
        </p>
      )}
      {files.length > 0 && (
        <ul className="flex flex-col gap-2">
          {files.map((f, i) => (
            <li key={`${i}-${f}`} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
              <label htmlFor={`${id}-access-${i}`} className="text-sm break-all">
                {t("form.accessOf", { name: f })}
              </label>
              <select
                id={`${id}-access-${i}`}
                name={`${name}Access`}
                defaultValue="RESTRICTED"
                className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
              >
                <option value="RESTRICTED">
                  {t("access.RESTRICTED")} ({t("access.RESTRICTED_hint")})
                </option>
                <option value="SHAREABLE">
                  {t("access.SHAREABLE")} ({t("access.SHAREABLE_hint")})
                </option>
              </select>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
