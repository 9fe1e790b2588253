"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { checkActivityCodeAction } from "@/lib/actions/activities";
import { isValidActivityCode, normaliseCode } from "@/lib/domain/codes";
import type { MessageRef } from "@/lib/domain/errors";
import { TextField } from "@/components/ui/field";

type Verdict = "idle" | "checking" | "free" | "taken" | "invalid";

interface Props {
  tenant: string;
  planId: string;
  activityId?: string;
  code: string;
  onChange: (code: string) => void;
  /** The code the activity was loaded with: it is the activity's own, no need to ask. */
  ownCode?: string;
  error?: MessageRef;
}

/**
 * The activity code, checked as it is typed: the format at once, uniqueness within the plan after
 * a short pause (the server answers; saving checks again). The verdict is announced politely.
 */
export function CodeField({ tenant, planId, activityId, code, onChange, ownCode, error }: Props) {
  const t = useTranslations("activityForm");
  const [verdict, setVerdict] = useState<{ code: string; state: Verdict }>({ code: "", state: "idle" });
  const latest = useRef(0);
  const normal = normaliseCode(code);

  useEffect(() => {
    if (!normal || !isValidActivityCode(normal) || normal === ownCode) return;
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      setVerdict({ code: normal, state: "checking" });
      const data = new FormData();
      data.set("tenant", tenant);
      data.set("planId", planId);
      data.set("code", normal);
      if (activityId) data.set("exceptActivityId", activityId);
      const result = await checkActivityCodeAction(null, data);
      if (request !== latest.current) return; // a newer keystroke asked again
      setVerdict({ code: normal, state: result.ok && result.data ? (result.data.free ? "free" : "taken") : "idle" });
    }, 400);
    return () => clearTimeout(timer);
  }, [normal, ownCode, tenant, planId, activityId]);

  const state: Verdict = !normal
    ? "idle"
    : !isValidActivityCode(normal)
      ? "invalid"
      : normal === ownCode
        ? "idle"
        : verdict.code === normal
          ? verdict.state
          : "checking";
  const status = {
    idle: "",
    checking: t("codeChecking"),
    free: t("codeFree", { code: normal }),
    taken: t("codeTaken", { code: normal }),
    invalid: t("codeInvalid"),
  }[state];
  const colour =
    state === "taken" || state === "invalid" ? "text-red-800" : state === "free" ? "text-green-800" : "text-slate-700";
  return (
    <div className="flex flex-col gap-1">
      <TextField
        label={t("code")}
        name="code"
        value={code}
        onChange={(e) => onChange(e.target.value)}
        required
        autoComplete="off"
        inputMode="decimal"
        hint={t("codeHint")}
        error={error}
        aria-invalid={Boolean(error) || state === "taken" || state === "invalid"}
        className="w-36 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-700"
      />
      <p aria-live="polite" className={`text-sm ${colour}`}>
        {status}
      </p>
    </div>
  );
}
