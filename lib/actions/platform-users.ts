"use server";

import { revalidatePath } from "next/cache";
import { createPasswordResetAsPlatformAdmin } from "@/lib/data/password-resets";
import { setUserDisabled } from "@/lib/data/platform-users";
import { clientInfo } from "@/lib/server/client-info";
import { passwordResetLink } from "@/lib/server/invitation-link";
import { SetUserDisabledSchema, UserRefSchema } from "@/lib/validation/platform-users";
import { userAction } from "./safe-action";

export const setUserDisabledAction = userAction(SetUserDisabledSchema, async (input, admin) => {
  await setUserDisabled(admin, input.userId, input.disabled === "true", await clientInfo());
  revalidatePath("/admin/users");
  return {
    ok: true,
    message: { key: input.disabled === "true" ? "platformUsers.disabledDone" : "platformUsers.enabledDone" },
  };
});

export const platformResetLinkAction = userAction(UserRefSchema, async (input, admin) => {
  const { token, email } = await createPasswordResetAsPlatformAdmin(admin, input.userId);
  return { ok: true, data: { link: passwordResetLink(token), email } };
});
