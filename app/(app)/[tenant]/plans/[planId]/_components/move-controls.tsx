"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moveActivityAction, moveObjectiveAction, moveSectionAction } from "@/lib/actions/structure";
import { useMessage } from "@/components/ui/message";

const ACTIONS = { section: moveSectionAction, objective: moveObjectiveAction, activity: moveActivityAction } as const;
const ID_FIELD = { section: "sectionId", objective: "objectiveId", activity: "activityId" } as const;

interface Props {
  kind: keyof typeof ACTIONS;
  tenant: string;
  id: string;
  /** Says which row moves, for screen readers: "section 2. Protection", "activity 2.1.3". */
  name: string;
  first: boolean;
  last: boolean;
}

/** Up and down, as one form whose two buttons send the direction. */
export function MoveControls({ kind, tenant, id, name, first, last }: Props) {
  const t = useTranslations("structure");
  const message = useMessage();
  const [state, action, pending] = useActionState(ACTIONS[kind], null);
  const button =
    "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400";
  return (
    <form action={action} className="inline-flex items-center gap-1">
      <input type="hidden" name="tenant" value={tenant} />
      <input type="hidden" name={ID_FIELD[kind]} value={id} />
      <button type="submit" name="direction" value="up" disabled={pending || first} className={button}>
        <span aria-hidden="true">↑</span>
        <span className="sr-only">{t("moveUp", { name })}</span>
      </button>
      <button type="submit" name="direction" value="down" disabled={pending || last} className={button}>
        <span aria-hidden="true">↓</span>
        <span className="sr-only">{t("moveDown", { name })}</span>
      </button>
      {state && !state.ok && (
        <span role="status" className="text-xs text-red-800">
          {message(state.message)}
        </span>
      )}
    </form>
  );
}
