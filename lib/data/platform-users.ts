import "server-only";
// People across all tenants, for the platform administrator only: find someone, disable or
// enable them everywhere. Disabling ends every session at once (each request checks it).
import { textOf, toTexts } from "@/lib/domain/texts";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { ClientInfo } from "@/lib/domain/security-events";
import { requirePlatformAdmin, type SessionUser } from "./context";
import { unsafeAsPlatform } from "./door";
import { recordSecurityEvent } from "./security-events";
import { revokePendingResets } from "./password-resets";
import { revokeSessions } from "./sessions";

export interface PlatformUserRow {
  id: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  disabledAt: Date | null;
  tenants: string[];
}

const PAGE = 50;

export async function listPlatformUsers(admin: SessionUser, query: string | null): Promise<PlatformUserRow[]> {
  requirePlatformAdmin(admin);
  const q = query?.trim().slice(0, 100);
  const rows = await unsafeAsPlatform(
    "the platform administrator looks up people and the tenants they belong to",
    { kind: "user", id: admin.id },
    (tx) =>
      tx.user.findMany({
        where: q
          ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] }
          : {},
        select: {
          id: true,
          name: true,
          email: true,
          isPlatformAdmin: true,
          disabledAt: true,
          memberships: { select: { tenant: { select: { name: true } } } },
        },
        orderBy: { email: "asc" },
        take: PAGE,
      }),
  );
  const reading = { locale: admin.locale ?? "en", languages: ["en"] };
  return rows.map(({ memberships, ...u }) => ({
    ...u,
    tenants: memberships.map((m) => textOf(toTexts(m.tenant.name), reading)).sort(),
  }));
}

export async function setUserDisabled(
  admin: SessionUser,
  userId: string,
  disabled: boolean,
  client?: ClientInfo,
): Promise<void> {
  requirePlatformAdmin(admin);
  if (admin.id === userId) throw new RuleError("platformUsers.notYourself");
  await unsafeAsPlatform(
    "the platform administrator disables or enables a person in every tenant",
    { kind: "user", id: admin.id },
    async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId, disabledAt: disabled ? null : { not: null } },
        data: { disabledAt: disabled ? new Date() : null },
      });
      if (count === 0) {
        if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } })))
          throw new NotFoundError("user");
        return; // already in that state
      }
      const ended = disabled ? await revokeSessions(tx, userId, "disabled") : 0;
      if (disabled) await revokePendingResets(tx, userId);
      await recordSecurityEvent(tx, {
        action: disabled ? "user.disabled" : "user.enabled",
        subject: { type: "User", id: userId },
        actor: admin,
        client,
        details: disabled ? { sessionsEnded: ended } : undefined,
      });
    },
  );
}
