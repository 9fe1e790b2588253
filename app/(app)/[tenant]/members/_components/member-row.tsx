"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { changeRoleAction, createResetLinkAction, removeMemberAction } from "@/lib/actions/members";
import { ROLES } from "@/lib/domain/enums";
import { ResetLinkRow } from "@/components/layout/invitation-link";
import { Button } from "@/components/ui/button";
import { ActionsMenu, ActionsMenuItem } from "@/components/ui/actions-menu";
import { useMessage, useSavedToast } from "@/components/ui/message";
import { FocalPointRole } from "./focal-point-role";

interface Props {
  tenant: string;
  member: {
    id: string;
    name: string;
    email: string;
    role: string;
    agencyId: string | null;
    primaryFocalPoint: boolean;
  };
  agencies: { value: string; label: string }[];
  isSelf: boolean;
}

export function MemberRow({ tenant, member, agencies, isSelf }: Props) {
  const t = useTranslations();
  const message = useMessage();
  const [role, setRole] = useState(member.role);
  const [saveState, save, saving] = useActionState(changeRoleAction, null);
  const [removeState, remove, removing] = useActionState(removeMemberAction, null);
  const [resetState, reset, resetting] = useActionState(createResetLinkAction, null);
  // The status line tells the outcome of the last of the row's forms to be sent.
  const [last, setLast] = useState<"save" | "remove" | "reset">("save");
  const feedback = { save: saveState, remove: removeState, reset: resetState }[last];
  const resetLink = last === "reset" && resetState?.ok ? resetState.data : undefined;
  const errorId = `member-${member.id}-status`;
  const resetForm = useRef<HTMLFormElement>(null);
  const removeForm = useRef<HTMLFormElement>(null);
  useSavedToast(saveState);
  return (
    <>
      <tr className="border-t border-slate-200 align-top">
        <td className="px-3 py-2 font-medium">
          {member.name}
          {isSelf && <span className="text-slate-700"> ({t("members.you")})</span>}
        </td>
        <td className="px-3 py-2">{member.email}</td>
        <td className="px-3 py-2">
          <form action={save} onSubmit={() => setLast("save")} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="tenant" value={tenant} />
            <input type="hidden" name="membershipId" value={member.id} />
            <label className="sr-only" htmlFor={`role-${member.id}`}>
              {t("members.roleFor", { name: member.name })}
            </label>
            <select
              id={`role-${member.id}`}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              aria-describedby={errorId}
              className="rounded border border-slate-400 bg-white px-2 py-1"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            {role === "FOCAL_POINT" && (
              <>
                <label className="sr-only" htmlFor={`agency-${member.id}`}>
                  {t("members.agencyFor", { name: member.name })}
                </label>
                <select
                  id={`agency-${member.id}`}
                  name="agencyId"
                  defaultValue={member.agencyId ?? ""}
                  aria-describedby={errorId}
                  className="max-w-56 rounded border border-slate-400 bg-white px-2 py-1"
                >
                  <option value="">{t("members.chooseAgency")}</option>
                  {agencies.map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.label}
                    </option>
                  ))}
                </select>
              </>
            )}
            <Button variant="secondary" disabled={saving} className="px-2 py-1">
              {t("members.saveRole")}
            </Button>
          </form>
          <p
            id={errorId}
            aria-live="polite"
            className={`mt-1 text-xs ${feedback?.ok ? "text-green-800" : "text-red-800"}`}
          >
            {feedback && message(feedback.message)}
            {feedback && !feedback.ok && feedback.fieldErrors?.agencyId && (
              <> {message(feedback.fieldErrors.agencyId)}</>
            )}
          </p>
          {member.role === "FOCAL_POINT" && member.agencyId && (
            <FocalPointRole
              tenant={tenant}
              membershipId={member.id}
              name={member.name}
              primary={member.primaryFocalPoint}
            />
          )}
        </td>
        <td className="px-3 py-2">
          <div className="flex flex-wrap justify-end gap-2">
            {/* Two actions go in a menu; the forms stay outside it, as the menu closes on a pick. */}
            {!isSelf && (
              <ActionsMenu label={t("ui.actions.for", { name: member.name })}>
                <ActionsMenuItem disabled={resetting} onSelect={() => resetForm.current?.requestSubmit()}>
                  {t("members.resetLink")}
                </ActionsMenuItem>
                <ActionsMenuItem danger disabled={removing} onSelect={() => removeForm.current?.requestSubmit()}>
                  {t("members.remove")}
                </ActionsMenuItem>
              </ActionsMenu>
            )}
            {!isSelf && (
              <form ref={resetForm} action={reset} onSubmit={() => setLast("reset")} hidden>
                <input type="hidden" name="tenant" value={tenant} />
                <input type="hidden" name="membershipId" value={member.id} />
              </form>
            )}
            <form
              ref={removeForm}
              action={remove}
              hidden={!isSelf}
              onSubmit={(e) => {
                if (!window.confirm(t("members.confirmRemove", { name: member.name }))) e.preventDefault();
                else setLast("remove");
              }}
            >
              <input type="hidden" name="tenant" value={tenant} />
              <input type="hidden" name="membershipId" value={member.id} />
              {isSelf && (
                <Button variant="danger" disabled={removing} className="px-2 py-1">
                  {t("members.remove")}
                </Button>
              )}
            </form>
          </div>
        </td>
      </tr>
      {resetLink && <ResetLinkRow link={resetLink.link} email={resetLink.email} colSpan={4} />}
    </>
  );
}
