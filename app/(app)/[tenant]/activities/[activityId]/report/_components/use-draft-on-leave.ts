"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

const SKIP = (key: string) =>
  key.startsWith("$ACTION") || key === "evidence" || key === "evidenceAccess" || key === "intent";

/**
 * Nothing typed is lost: when the page is hidden (another tab, the phone's home screen) or left,
 * a form with unsaved typing is saved as a draft (text only; files need the explicit save). A
 * fetch with keepalive outlives the page; when the page is still there, its answer (the new
 * version) comes back through `onSaved`, so the next explicit save is not a conflict with itself.
 */
export function useDraftOnLeave(form: RefObject<HTMLFormElement | null>, url: string, busy: boolean) {
  const dirty = useRef(false);
  const busyRef = useRef(busy);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);

  useEffect(() => {
    const f = form.current;
    if (!f) return;
    const changed = () => {
      dirty.current = true;
    };
    const sent = () => {
      dirty.current = false;
    };
    const save = () => {
      if (!dirty.current || busyRef.current) return;
      const data = new FormData();
      for (const [key, value] of new FormData(f).entries())
        if (!SKIP(key) && typeof value === "string") data.append(key, value);
      dirty.current = false;
      const send = (keepalive: boolean) =>
        fetch(url, { method: "POST", body: data, keepalive, credentials: "same-origin" });
      // keepalive bodies are limited to 64 KB: a longer draft is sent as a plain request.
      (async () => {
        let response: Response;
        try {
          response = await send(true);
        } catch {
          response = await send(false);
        }
        if (!response.ok) throw new Error(String(response.status));
        const saved = (await response.json()) as { version?: number };
        if (typeof saved.version === "number") setSavedVersion(saved.version);
        setFailed(false);
      })().catch(() => {
        dirty.current = true;
        setFailed(true);
      });
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") save();
    };
    f.addEventListener("input", changed);
    f.addEventListener("change", changed);
    f.addEventListener("submit", sent);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", save);
    return () => {
      f.removeEventListener("input", changed);
      f.removeEventListener("change", changed);
      f.removeEventListener("submit", sent);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", save);
    };
  }, [form, url]);

  return { savedVersion, failed };
}
