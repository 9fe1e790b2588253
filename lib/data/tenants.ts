import "server-only";
import { cache } from "react";
import { RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import {
  DEFAULT_CONTENT_LANGUAGES,
  byText,
  isContentLanguage,
  toTexts,
  type ContentLanguage,
  type Texts,
} from "@/lib/domain/texts";
import { requirePlatformAdmin, type Actor, type SessionUser, type TenantContext, type TenantRef } from "./context";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./db-errors";
import { enterScope, unsafeAsPlatform, withPerson, withTenant } from "./door";
import { issueInvitation } from "./invitations";

const tenantRefSelect = {
  id: true,
  slug: true,
  name: true,
  isDemo: true,
  defaultLocale: true,
  contentLanguages: true,
} as const;
type TenantRow = {
  id: string;
  slug: string;
  name: unknown;
  isDemo: boolean;
  defaultLocale: string;
  contentLanguages: string[];
};

/** A tenant row as the context holds it: its name as Texts, its content languages known ones only. */
export function toTenantRef<T extends TenantRow>(t: T): Omit<T, "name" | "contentLanguages"> & TenantRef {
  const languages = t.contentLanguages.filter(isContentLanguage);
  return {
    ...t,
    name: toTexts(t.name),
    contentLanguages: languages.length ? languages : [...DEFAULT_CONTENT_LANGUAGES],
  };
}

/** Tenants in the order of their names as the reader sees them. */
const byName = <T extends TenantRef>(tenants: T[], locale: string) =>
  byText(tenants, (t) => t.name, { locale, languages: ["en"] });

export interface MyTenant extends TenantRef {
  role: Role;
}

/**
 * All of this person's memberships, read once per request (React's cache: the header's switcher
 * and the page's access check share one query; outside a render, e.g. in an action, it reads
 * afresh each time). A person belongs to a handful of tenants, so all of them is small. A person
 * disabled by the platform administrator has none (their sessions end too; this holds for any
 * caller that still holds their SessionUser), and a member removed from a tenant has no row.
 */
const myMemberships = cache(async (userId: string) =>
  withPerson({ id: userId }, (tx) =>
    tx.membership.findMany({
      where: { userId, user: { disabledAt: null } },
      select: { role: true, agencyId: true, tenant: { select: tenantRefSelect } },
    }),
  ),
);

type MembershipRow = Awaited<ReturnType<typeof myMemberships>>[number];

const toContext = (user: SessionUser, m: MembershipRow): TenantContext => ({
  user,
  tenant: toTenantRef(m.tenant),
  role: m.role,
  agencyId: m.agencyId,
});

/** The tenants this person belongs to, for the chooser and the switcher. */
export async function listMyTenants(user: SessionUser): Promise<MyTenant[]> {
  const rows = await myMemberships(user.id);
  return byName(
    rows.map((m) => ({ ...toTenantRef(m.tenant), role: m.role })),
    user.locale ?? "en",
  );
}

/**
 * The context for acting in a tenant named by its slug: only from this person's own
 * membership. No membership (or no such tenant) gives null, and pages answer 404.
 */
export async function resolveTenantContext(user: SessionUser, slug: string): Promise<TenantContext | null> {
  const membership = (await myMemberships(user.id)).find((m) => m.tenant.slug === slug);
  return membership ? toContext(user, membership) : null;
}

/**
 * The context for each tenant this person belongs to, built as resolveTenantContext builds one
 * (from their own memberships only), in the order of the tenants' names: for views across the
 * person's tenants (the overview across countries).
 */
export async function resolveMyTenantContexts(user: SessionUser, locale?: string): Promise<TenantContext[]> {
  const contexts = (await myMemberships(user.id)).map((m) => toContext(user, m));
  return byText(contexts, (c) => c.tenant.name, { locale: locale ?? user.locale ?? "en", languages: ["en"] });
}

export interface TenantSummary extends TenantRef {
  countryCode: string;
  members: number;
  plans: number;
}

/** Every tenant: for platform administrators only. */
export async function listAllTenants(user: SessionUser): Promise<TenantSummary[]> {
  requirePlatformAdmin(user);
  const rows = await unsafeAsPlatform(
    "the platform administrator lists every tenant with its counts",
    { kind: "user", id: user.id },
    (tx) =>
      tx.tenant.findMany({
        select: { ...tenantRefSelect, countryCode: true, _count: { select: { memberships: true, plans: true } } },
      }),
  );
  return byName(
    rows.map(({ _count, ...t }) => ({ ...toTenantRef(t), members: _count.memberships, plans: _count.plans })),
    user.locale ?? "en",
  );
}

export interface CreateTenantInput {
  slug: string;
  name: Texts;
  countryCode: string;
  defaultLocale: string;
  adminEmail: string;
}

const slugTaken = () => new RuleError("errors.invalidInput", { slug: { key: "validation.slugTaken" } });

/**
 * A platform administrator creates a tenant and invites its first administrator, in one
 * transaction. The Tenant row is written in the platform's scope (a tenant cannot be in its own
 * scope before it exists); everything after it in the new tenant's scope only, so the audit
 * event and the invitation cannot land anywhere else. Slugs are unique by the database's unique
 * key: of two platform administrators taking one slug at once, the second is told it is taken.
 */
export async function createTenant(
  user: SessionUser,
  input: CreateTenantInput,
): Promise<{ tenant: TenantRef; invitationToken: string }> {
  requirePlatformAdmin(user);
  const actor: Actor = { kind: "user", id: user.id };
  try {
    return await unsafeAsPlatform("a platform administrator creates a tenant", actor, async (tx) => {
      if (await tx.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw slugTaken();
      const tenant = await tx.tenant.create({
        data: {
          slug: input.slug,
          name: toTexts(input.name),
          countryCode: input.countryCode.toUpperCase(),
          defaultLocale: input.defaultLocale,
        },
        select: tenantRefSelect,
      });
      await enterScope(tx, { tenantId: tenant.id, userId: user.id, actor });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: user,
        action: "tenant.created",
        entityType: "Tenant",
        entityId: tenant.id,
        after: { ...input, name: toTexts(input.name) },
      });
      const invitationToken = await issueInvitation(tx, {
        tenantId: tenant.id,
        invitedBy: user,
        email: input.adminEmail,
        role: "ADMIN",
        agencyId: null,
      });
      return { tenant: toTenantRef(tenant), invitationToken };
    });
  } catch (error) {
    // unsafeAsPlatform takes no door options, so the slug's unique key is mapped here.
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

export interface TenantSettingsInput {
  name: Texts;
  defaultLanguage: ContentLanguage;
  /** Further content languages, in the order forms show them. */
  otherLanguages: ContentLanguage[];
  /** Updates need the lead agency's sign-off before the coordinator reviews them (unchanged when left out). */
  agencySignOff?: boolean;
}

/** The settings the settings form edits beyond the tenant's name and languages (administrators). */
export async function getTenantSettings(ctx: TenantContext): Promise<{ agencySignOff: boolean }> {
  return withTenant(ctx, "tenant.manage", (tx) =>
    tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { agencySignOff: true } }),
  );
}

/**
 * A tenant's administrators name the country in each language and choose the languages its plans
 * are written in: a form then has a field for each, and a page falls back to the default. Content
 * already written in a language dropped from the list is kept, and still shown and editable.
 * They also choose whether updates need the lead agency's sign-off before review.
 */
export async function updateTenantSettings(ctx: TenantContext, input: TenantSettingsInput): Promise<void> {
  const contentLanguages = [...new Set([input.defaultLanguage, ...input.otherLanguages])];
  await withTenant(ctx, "tenant.manage", async (tx, audit) => {
    const before = await tx.tenant.findUniqueOrThrow({
      where: { id: ctx.tenant.id },
      select: { name: true, contentLanguages: true, agencySignOff: true },
    });
    const after = {
      name: toTexts(input.name),
      contentLanguages,
      agencySignOff: input.agencySignOff ?? before.agencySignOff,
    };
    await tx.tenant.update({ where: { id: ctx.tenant.id }, data: after });
    await audit({
      action: "tenant.settingsChanged",
      entityType: "Tenant",
      entityId: ctx.tenant.id,
      before: {
        name: toTexts(before.name),
        contentLanguages: before.contentLanguages,
        agencySignOff: before.agencySignOff,
      },
      after,
    });
  });
}

export interface TenantForPlatform extends TenantSummary {
  /** Who administers it: the platform administrator's way to reach the tenant is through them. */
  admins: { name: string; email: string }[];
  pendingAdminInvitations: number;
}

/**
 * One tenant as the platform administrator sees it: its name, counts and administrators, never
 * its plans or people's work (the tenant's own pages are for its members). Null: no such tenant.
 */
export async function getTenantForPlatform(user: SessionUser, slug: string): Promise<TenantForPlatform | null> {
  requirePlatformAdmin(user);
  const row = await unsafeAsPlatform(
    "the platform administrator opens one tenant: its counts and administrators",
    { kind: "user", id: user.id },
    (tx) =>
      tx.tenant.findUnique({
        where: { slug },
        select: {
          ...tenantRefSelect,
          countryCode: true,
          _count: { select: { memberships: true, plans: true } },
          memberships: { where: { role: "ADMIN" }, select: { user: { select: { name: true, email: true } } } },
          invitations: {
            where: { role: "ADMIN", acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
            select: { id: true },
          },
        },
      }),
  );
  if (!row) return null;
  const { _count, memberships, invitations, ...t } = row;
  return {
    ...toTenantRef(t),
    members: _count.memberships,
    plans: _count.plans,
    admins: memberships.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
    pendingAdminInvitations: invitations.length,
  };
}

/**
 * The platform administrator invites one more administrator into a tenant (the first left, or
 * never accepted): the invitation is written in the tenant's scope and audited there, like the
 * first one. Returns the secret token for the link; null when there is no such tenant.
 */
export async function inviteTenantAdmin(user: SessionUser, slug: string, email: string): Promise<string | null> {
  requirePlatformAdmin(user);
  const actor: Actor = { kind: "user", id: user.id };
  return unsafeAsPlatform("the platform administrator invites an administrator into a tenant", actor, async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { slug }, select: { id: true } });
    if (!tenant) return null;
    await enterScope(tx, { tenantId: tenant.id, userId: user.id, actor });
    return issueInvitation(tx, { tenantId: tenant.id, invitedBy: user, email, role: "ADMIN", agencyId: null });
  });
}
