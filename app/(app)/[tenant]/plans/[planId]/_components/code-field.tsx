"use client";

import { useState } from "react";
import type { MessageRef } from "@/lib/domain/errors";
import { TextField } from "@/components/ui/field";

interface Props {
  label: string;
  name: string;
  defaultValue: string;
  hint?: string;
  placeholder?: string;
  required?: boolean;
  /** The server's verdict on the value that was sent; it stays until the code is changed. */
  serverError?: MessageRef;
  /** The format and uniqueness rules, checked as you type. */
  check: (code: string) => MessageRef | null;
}

/** A structure code ("2.1") checked as it is typed, with the message next to the field. */
export function CodeField({ label, name, defaultValue, hint, placeholder, required, serverError, check }: Props) {
  const [code, setCode] = useState(defaultValue);
  const live = code.trim() ? check(code) : null;
  const error = live ?? (code === defaultValue ? serverError : undefined);
  return (
    <TextField
      label={label}
      name={name}
      value={code}
      onChange={(e) => setCode(e.target.value)}
      required={required}
      hint={hint}
      placeholder={placeholder}
      error={error ?? undefined}
      inputMode="decimal"
      autoComplete="off"
      className="w-32 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-700"
    />
  );
}
