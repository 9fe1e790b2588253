"use client";

import {
  useId,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import { useMessage } from "./message";

interface FieldShellProps {
  label: string;
  /** Read before the label by screen readers only: the group a field is one of ("Title" for "English"). */
  group?: string;
  error?: MessageRef;
  hint?: ReactNode;
  /** How much of a length limit is used ("120 of 5,000 characters"), under the hint. */
  counter?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, control, hint, counter and the error next to it, wired with aria-describedby. */
function FieldShell({ label, group, error, hint, counter, children }: FieldShellProps) {
  const id = useId();
  const message = useMessage();
  const hintId = hint ? `${id}-hint` : undefined;
  const counterId = counter ? `${id}-counter` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, counterId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {group && <span className="sr-only">{group}: </span>}
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {counter && (
        <p id={counterId} className="text-xs text-slate-600 tabular-nums">
          {counter}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-800">
          {message(error)}
        </p>
      )}
    </div>
  );
}

const controlClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700";

export function TextField({
  label,
  group,
  error,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; group?: string; error?: MessageRef; hint?: ReactNode }) {
  return (
    <FieldShell label={label} group={group} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={invalid} className={controlClass} {...props} />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  error,
  hint,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: MessageRef;
  hint?: ReactNode;
  options: { value: string; label: string }[];
}) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} className={controlClass} {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * A multi-line field. With maxLength it shows, while typing, how much of the limit is used (the
 * browser stops typing at the limit; the schema holds the same limit on the server).
 */
export function TextAreaField({
  label,
  group,
  error,
  hint,
  rows = 3,
  maxLength,
  onChange,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  group?: string;
  error?: MessageRef;
  hint?: ReactNode;
}) {
  const t = useTranslations("common");
  const [typed, setTyped] = useState(() => String(props.defaultValue ?? "").length);
  const length = props.value !== undefined ? String(props.value).length : typed;
  const counter = maxLength !== undefined ? t("characterCount", { count: length, max: maxLength }) : undefined;
  return (
    <FieldShell label={label} group={group} error={error} hint={hint} counter={counter}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          rows={rows}
          maxLength={maxLength}
          className={controlClass}
          onChange={(e) => {
            setTyped(e.target.value.length);
            onChange?.(e);
          }}
          {...props}
        />
      )}
    </FieldShell>
  );
}
