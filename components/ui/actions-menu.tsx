"use client";

import type { ReactNode } from "react";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";

/**
 * A row's actions behind one "Actions" button (WAI-ARIA menu button, from Radix): arrows move,
 * Enter or Space picks, Escape closes and gives the focus back to the button. `label` names the
 * row ("Actions for <name>") so that a list of rows does not read as "Actions, Actions, ...".
 */
export function ActionsMenu({ label, children }: { label: string; children: ReactNode }) {
  const t = useTranslations("ui.actions");
  return (
    // Not modal: an item may open a dialog, which then owns the focus and the pointer.
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={label}
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium whitespace-nowrap text-slate-900 hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        {t("trigger")} <span aria-hidden="true">▾</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className="z-30 min-w-44 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

export function ActionsMenuItem({
  onSelect,
  danger = false,
  disabled,
  children,
}: {
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Menu.Item
      onSelect={onSelect}
      disabled={disabled}
      className={`cursor-pointer rounded px-3 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-500 data-[highlighted]:bg-brand-100 ${danger ? "text-red-800" : "text-slate-900"}`}
    >
      {children}
    </Menu.Item>
  );
}
