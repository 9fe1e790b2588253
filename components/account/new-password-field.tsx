"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { passwordHintAction } from "@/lib/actions/auth";
import type { MessageRef } from "@/lib/domain/errors";
import { TextField } from "@/components/ui/field";

type Strength = "weak" | "fair" | "good" | "strong";

const DEBOUNCE_MS = 400;
const BARS: Record<Strength, number> = { weak: 1, fair: 2, good: 3, strong: 4 };
const BAR_COLOUR: Record<Strength, string> = {
  weak: "bg-red-700",
  fair: "bg-amber-600",
  good: "bg-green-700",
  strong: "bg-green-800",
};

interface Props {
  label: string;
  name: string;
  error?: MessageRef;
  /** The policy in words; defaults to passwordStrength.policy. */
  hint?: string;
  /** What the password should not resemble: the person's name and email. */
  userInputs?: { name?: string; email?: string };
}

/**
 * A password being chosen: the policy as a hint, and how strong the typed password looks, asked
 * from the server (the common-password list is too large for the browser) a moment after typing
 * stops. Only a hint: the form can always be sent, and the server's policy decides.
 */
export function NewPasswordField({ label, name, error, hint, userInputs }: Props) {
  const t = useTranslations("passwordStrength");
  const [strength, setStrength] = useState<Strength | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // React resets the form after its action: the hint goes with the typed password.
    const form = box.current?.querySelector("input")?.form;
    const clear = () => {
      clearTimeout(timer.current);
      latest.current++;
      setStrength(null);
    };
    form?.addEventListener("reset", clear);
    return () => {
      form?.removeEventListener("reset", clear);
      clearTimeout(timer.current);
    };
  }, []);

  function onChange(e: ChangeEvent<HTMLInputElement>) {
    const password = e.target.value;
    const request = ++latest.current;
    clearTimeout(timer.current);
    if (!password) {
      setStrength(null);
      return;
    }
    timer.current = setTimeout(async () => {
      const data = new FormData();
      data.set("password", password);
      data.set("name", userInputs?.name ?? "");
      data.set("email", userInputs?.email ?? "");
      try {
        const result = await passwordHintAction(null, data);
        // An answer to an older keystroke arriving late must not replace a newer one.
        if (request === latest.current && result.ok) setStrength(result.data?.strength ?? null);
      } catch {
        // A hint only: without it the form still works.
      }
    }, DEBOUNCE_MS);
  }

  const shown = hint ?? t("policy");
  return (
    <div ref={box}>
      <TextField
        label={label}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        onChange={onChange}
        error={error}
        hint={
          <>
            <span className="block">{shown}</span>
            <span
              aria-live="polite"
              className="mt-1 flex items-center gap-2 font-medium text-slate-800"
              data-testid="password-strength"
            >
              {strength && (
                <>
                  <span aria-hidden="true" className="flex gap-0.5">
                    {[1, 2, 3, 4].map((i) => (
                      <span
                        key={i}
                        className={`h-1.5 w-5 rounded-sm ${i <= BARS[strength] ? BAR_COLOUR[strength] : "bg-slate-200"}`}
                      />
                    ))}
                  </span>
                  <span>{t(strength)}</span>
                </>
              )}
            </span>
          </>
        }
      />
    </div>
  );
}
