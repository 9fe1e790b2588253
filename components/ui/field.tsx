"use client";

import {
  useId,
  useRef,
  useState,
  type ChangeEvent,
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
  /** How much of a length limit is used, under the hint (see useLengthCounter). */
  counter?: LengthCounter;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, control, hint, counter and the error next to it, wired with aria-describedby. */
function FieldShell({ label, group, error, hint, counter, children }: FieldShellProps) {
  const id = useId();
  const message = useMessage();
  const hintId = hint ? `${id}-hint` : undefined;
  const counterId = counter ? `${id}-counter` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  // The error first: it is what a screen reader should say before the hint and the count.
  const describedBy = [errorId, hintId, counterId].filter(Boolean).join(" ") || undefined;
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
        <>
          <p id={counterId} className="text-xs text-slate-600 tabular-nums">
            <span aria-hidden="true">{counter.shown}</span>
            <span className="sr-only">{counter.spoken}</span>
          </p>
          {/* Polite, and only when the count crosses into "nearly full" or "full": never every keystroke. */}
          <p className="sr-only" aria-live="polite">
            {counter.announced}
          </p>
        </>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-800">
          {message(error)}
        </p>
      )}
    </div>
  );
}

interface LengthCounter {
  /** "12 / 200" */
  shown: string;
  /** "12 of 200 characters", read with the field (aria-describedby). */
  spoken: string;
  /** Announced once on reaching the last tenth of the limit, and once on reaching the limit. */
  announced: string;
}

/** Which stretch of the limit a length is in: 0 plenty of room, 1 nearly full, 2 full. */
function bandOf(length: number, max: number): 0 | 1 | 2 {
  if (length >= max) return 2;
  return length >= max - Math.max(10, Math.ceil(max / 10)) ? 1 : 0;
}

/**
 * A length counter for a field with a maxLength, kept as the user types (controlled or not). The
 * browser stops typing at the limit; the schema holds the same limit on the server.
 */
function useLengthCounter<E extends HTMLInputElement | HTMLTextAreaElement>(
  maxLength: number | undefined,
  props: { value?: unknown; defaultValue?: unknown; onChange?: (e: ChangeEvent<E>) => void },
): { counter?: LengthCounter; onChange: (e: ChangeEvent<E>) => void } {
  const t = useTranslations();
  const [typed, setTyped] = useState(() => String(props.defaultValue ?? "").length);
  const [announced, setAnnounced] = useState("");
  const length = props.value !== undefined && props.value !== null ? String(props.value).length : typed;
  const band = useRef<number | null>(null);
  const onChange = (e: ChangeEvent<E>) => {
    const now = e.target.value.length;
    setTyped(now);
    if (maxLength !== undefined) {
      const before = band.current ?? bandOf(length, maxLength);
      const after = bandOf(now, maxLength);
      band.current = after;
      if (after !== before && after > 0)
        setAnnounced(
          after === 2
            ? t("forms.counter.full", { max: maxLength })
            : t("forms.counter.nearlyFull", { left: maxLength - now }),
        );
      else if (after === 0) setAnnounced("");
    }
    props.onChange?.(e);
  };
  if (maxLength === undefined) return { onChange };
  return {
    counter: {
      shown: t("forms.counter.shown", { count: length, max: maxLength }),
      spoken: t("common.characterCount", { count: length, max: maxLength }),
      announced,
    },
    onChange,
  };
}

/** Input types whose value is text a person types, where a length counter helps. */
const COUNTED_TYPES = new Set([undefined, "text", "search", "url", "tel", "email"]);

const controlClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700";

/** A single-line field; a text one with maxLength shows its length counter while typing. */
export function TextField({
  label,
  group,
  error,
  hint,
  onChange,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; group?: string; error?: MessageRef; hint?: ReactNode }) {
  const counted = COUNTED_TYPES.has(props.type) ? props.maxLength : undefined;
  const length = useLengthCounter<HTMLInputElement>(counted, {
    value: props.value,
    defaultValue: props.defaultValue,
    onChange,
  });
  return (
    <FieldShell label={label} group={group} error={error} hint={hint} counter={length.counter}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className={controlClass}
          {...props}
          onChange={onChange || length.counter ? length.onChange : undefined}
        />
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

/** A multi-line field; with maxLength it shows its length counter while typing. */
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
  const length = useLengthCounter<HTMLTextAreaElement>(maxLength, {
    value: props.value,
    defaultValue: props.defaultValue,
    onChange,
  });
  return (
    <FieldShell label={label} group={group} error={error} hint={hint} counter={length.counter}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          rows={rows}
          maxLength={maxLength}
          className={controlClass}
          {...props}
          onChange={length.onChange}
        />
      )}
    </FieldShell>
  );
}
