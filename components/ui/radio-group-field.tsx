"use client";

import { useId } from "react";
import type { MessageRef } from "@/lib/domain/errors";
import { useMessage } from "./message";

interface Option {
  value: string;
  label: string;
  /** Said under the option's label and read with it (aria-describedby). */
  hint?: string;
}

/**
 * One choice of a few, each option with its own hint: a fieldset whose legend names the group (the
 * error summary finds it by `data-field`) and which is marked invalid (radios take no aria-invalid),
 * radios that read the group's error and their own hint.
 */
export function RadioGroupField({
  label,
  name,
  options,
  defaultValue,
  error,
}: {
  label: string;
  name: string;
  options: Option[];
  defaultValue: string;
  error?: MessageRef;
}) {
  const id = useId();
  const message = useMessage();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset data-field={name} aria-invalid={error ? true : undefined} className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        {options.map((o, n) => {
          const hintId = o.hint ? `${id}-${n}-hint` : undefined;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={`${id}-${n}`}
                name={name}
                value={o.value}
                defaultChecked={o.value === defaultValue}
                aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
                className="mt-1"
              />
              <div className="flex flex-col">
                <label htmlFor={`${id}-${n}`} className="text-sm text-slate-900">
                  {o.label}
                </label>
                {o.hint && (
                  <p id={hintId} className="text-xs text-slate-600">
                    {o.hint}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-800">
          {message(error)}
        </p>
      )}
    </fieldset>
  );
}
