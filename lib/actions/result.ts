import type { MessageRef } from "@/lib/domain/errors";

/** What every server action returns. Messages are translation keys, rendered by the form. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: MessageRef }
  | {
      ok: false;
      message: MessageRef;
      fieldErrors?: Record<string, MessageRef>;
      /** What was typed (never passwords or tokens), so the form shows it again: nothing typed is lost. */
      values?: Record<string, string | string[]>;
      /** On a stale-version conflict: the record as someone else saved it. */
      current?: Record<string, unknown>;
    };

export type ActionState<T = undefined> = ActionResult<T> | null;
