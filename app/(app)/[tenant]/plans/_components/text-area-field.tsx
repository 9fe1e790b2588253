"use client";

import { useId, type TextareaHTMLAttributes } from "react";
import type { MessageRef } from "@/lib/domain/errors";
import { useMessage } from "@/components/ui/message";

/** A labelled multi-line field with its error next to it, like components/ui/field's TextField. */
export function TextAreaField({
  label,
  error,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: MessageRef }) {
  const id = useId();
  const message = useMessage();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        aria-describedby={errorId}
        aria-invalid={Boolean(error)}
        rows={4}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700"
        {...props}
      />
      {error && (
        <p id={errorId} className="text-sm text-red-800">
          {message(error)}
        </p>
      )}
    </div>
  );
}
