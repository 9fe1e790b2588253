// Page server components called the way Next calls them, with only the session source stubbed:
// requireUser, requireTenant, the role table and the data layer run for real. Who may see an
// administrator's page, what everyone else gets (Next's 404, exactly like a tenant that does not
// exist), and where a signed-out person is sent.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import AccessPage from "@/app/(app)/[tenant]/access/page";
import MembersPage from "@/app/(app)/[tenant]/members/page";
import { MemberRow } from "@/app/(app)/[tenant]/members/_components/member-row";
import TenantSecurityPage from "@/app/(app)/[tenant]/members/security/page";
import SettingsPage from "@/app/(app)/[tenant]/settings/page";
import PlatformSecurityPage from "@/app/(app)/admin/security/page";
import PlatformUsersPage from "@/app/(app)/admin/users/page";
import { UserRow } from "@/app/(app)/admin/users/_components/user-row";
import { Text } from "@/components/ui/text";
import { requireTenant } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { setUserDisabled } from "@/lib/data/platform-users";
import { signOutEverywhere } from "@/lib/data/sessions";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { messagesFor } from "@/i18n/messages";
import { createTenantWithPeople, createUser } from "../factories";
import { countSqlQueries } from "../factories/browse";
import { propsOf, renderPage, textsOf } from "../helpers/pages";
import { signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);
// The cookie jar is the worker's one browser: another file may have chosen a language in it.
beforeEach(async () => (await cookies()).delete(LOCALE_COOKIE));
afterEach(() => signInAs(null));

type Messages = Record<string, Record<string, string>>;
const en = messagesFor("en") as Messages;
const ru = messagesFor("ru") as Messages;
const NOT_FOUND = { status: 404 };
const signInFor = (path: string) => ({ redirect: `/sign-in?callbackUrl=${encodeURIComponent(path)}` });

const TENANT_ADMIN_PAGES = [
  {
    name: "members",
    Page: MembersPage,
    path: (slug: string) => `/${slug}/members`,
    title: (m: Messages) => m.members.title,
  },
  {
    name: "members/security",
    Page: TenantSecurityPage,
    path: (slug: string) => `/${slug}/members/security`,
    title: (m: Messages) => m.members.securityTitle,
  },
  {
    name: "settings",
    Page: SettingsPage,
    path: (slug: string) => `/${slug}/settings`,
    title: (m: Messages) => m.settings.title,
  },
];

describe.each(TENANT_ADMIN_PAGES)("the tenant page $name (administrators only)", ({ Page, path, title }) => {
  const render = (slug: string) => renderPage(Page, path(slug), { tenant: slug });

  it("is not found for the tenant's viewer, focal point and coordinator", async () => {
    const a = await createTenantWithPeople();
    for (const person of [a.viewer, a.focal, a.coordinator]) {
      signInAs(person);
      expect(await render(a.tenant.slug), person.email).toEqual(NOT_FOUND);
    }
  });

  it("is not found for another tenant's administrator, and for a tenant that does not exist", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    signInAs(b.admin);
    expect(await render(a.tenant.slug)).toEqual(NOT_FOUND);
    expect(await render(`${a.tenant.slug}-nowhere`)).toEqual(NOT_FOUND);
    // A platform administrator is no member of the tenant either.
    signInAs(await createUser({ platformAdmin: true }));
    expect(await render(a.tenant.slug)).toEqual(NOT_FOUND);
  });

  it("sends a signed-out person to sign in, and back to this page afterwards", async () => {
    const a = await createTenantWithPeople();
    signInAs(null);
    expect(await render(a.tenant.slug)).toEqual(signInFor(path(a.tenant.slug)));
  });

  it("renders for the tenant's administrator, in their language", async () => {
    const a = await createTenantWithPeople();
    signInAs(a.admin);
    const shown = await render(a.tenant.slug);
    expect(shown).toHaveProperty("element");
    expect(textsOf("element" in shown ? shown.element : null)).toContain(title(en));

    await (await getDb()).user.update({ where: { id: a.admin.id }, data: { locale: "ru" } });
    const inRussian = await render(a.tenant.slug);
    expect(textsOf("element" in inRussian ? inRussian.element : null)).toContain(title(ru));
  });

  it("sends the administrator to sign in once their session was ended elsewhere, or they were disabled", async () => {
    const a = await createTenantWithPeople();
    signInAs(a.admin);
    expect(await render(a.tenant.slug)).toHaveProperty("element");
    await signOutEverywhere(a.admin);
    expect(await render(a.tenant.slug)).toEqual(signInFor(path(a.tenant.slug)));

    const platform = await createUser({ platformAdmin: true });
    signInAs(a.coordinator); // a session that is alive, then its person is disabled
    expect(await render(a.tenant.slug)).toEqual(NOT_FOUND);
    await setUserDisabled(platform, a.coordinator.id, true);
    expect(await render(a.tenant.slug)).toEqual(signInFor(path(a.tenant.slug)));
  });
});

describe("the members page", () => {
  it("lists this tenant's people and nobody from another tenant", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    signInAs(a.admin);
    const shown = await renderPage(MembersPage, `/${a.tenant.slug}/members`, { tenant: a.tenant.slug });
    if (!("element" in shown)) throw new Error(`expected the page, got ${JSON.stringify(shown)}`);
    const emails = propsOf<{ member: { email: string } }>(shown.element, MemberRow).map((p) => p.member.email);
    expect(emails.sort()).toEqual([a.admin, a.coordinator, a.focal, a.viewer].map((u) => u.email).sort());
    for (const u of [b.admin, b.coordinator, b.focal, b.viewer]) expect(emails).not.toContain(u.email);
  });
});

describe("the access page", () => {
  const render = (slug: string) => renderPage(AccessPage, `/${slug}/access`, { tenant: slug });
  const texts = async (slug: string) => {
    const shown = await render(slug);
    if (!("element" in shown)) throw new Error(`expected the page, got ${JSON.stringify(shown)}`);
    return { texts: textsOf(shown.element), element: shown.element };
  };
  const sentences = (m: Messages, keys: string[]) =>
    keys.map((k) => {
      const [area, verb] = k.split(".");
      return (m.access as unknown as { may: Record<string, Record<string, string>> }).may[area][verb];
    });

  it("says a viewer's name, role and the two things a viewer may do, and nothing more", async () => {
    const a = await createTenantWithPeople();
    signInAs(a.viewer);
    const { texts: shown } = await texts(a.tenant.slug);
    expect(shown).toContain(a.viewer.name);
    expect(shown).toContain(en.roles.VIEWER);
    const all = sentences(en, [
      "tenant.view",
      "tenant.manage",
      "members.manage",
      "agencies.manage",
      "plans.manage",
      "progress.report",
      "progress.reportForAgency",
      "progress.review",
      "periods.manage",
      "outbox.view",
      "audit.view",
    ]);
    expect(shown.filter((x) => all.includes(x))).toEqual(sentences(en, ["tenant.view", "audit.view"]));
    expect(shown).toContain(en.access.change);
  });

  it("names a focal point's agency and says they report for it; in Russian for a Russian reader", async () => {
    const a = await createTenantWithPeople();
    signInAs(a.focal);
    const { texts: shown, element } = await texts(a.tenant.slug);
    expect(shown).toContain(en.roles.FOCAL_POINT);
    expect(shown).toContain(sentences(en, ["progress.reportForAgency"])[0]);
    expect(shown).not.toContain(sentences(en, ["progress.report"])[0]);
    expect(propsOf<{ value: unknown }>(element, Text).map((p) => p.value)).toContainEqual({ en: a.agency.name });

    await (await getDb()).user.update({ where: { id: a.focal.id }, data: { locale: "ru" } });
    const { texts: inRussian } = await texts(a.tenant.slug);
    expect(inRussian).toContain(ru.access.title);
    expect(inRussian).toContain(sentences(ru, ["progress.reportForAgency"])[0]);
  });

  it("lists every permission of an administrator, with the way to the members page", async () => {
    const a = await createTenantWithPeople();
    signInAs(a.admin);
    const { texts: shown } = await texts(a.tenant.slug);
    for (const sentence of sentences(en, [
      "tenant.view",
      "members.manage",
      "tenant.manage",
      "agencies.manage",
      "plans.manage",
      "progress.report",
      "progress.review",
      "periods.manage",
      "outbox.view",
      "audit.view",
    ]))
      expect(shown).toContain(sentence);
    expect(shown).toContain(en.access.manageMembers);
  });

  it("reads nothing from the database beyond the membership check, for anyone but a focal point", async () => {
    const a = await createTenantWithPeople();
    signInAs(a.coordinator);
    await render(a.tenant.slug); // starts the stored session
    // Outside Next, React's cache() keeps nothing from one call to the next: the translators ask
    // for the session again. So the page is compared with the calls it makes, in its order, less its data.
    const { queries: context } = await countSqlQueries(async () => {
      await requireTenant(a.tenant.slug);
      await Promise.all([getTranslations("access"), getTranslations(), getLocale()]);
    });
    const { queries: page } = await countSqlQueries(() => render(a.tenant.slug));
    expect(page).toBe(context);
  });

  it("is not found for another tenant's member, and sends a signed-out person to sign in", async () => {
    const [a, b] = await Promise.all([createTenantWithPeople(), createTenantWithPeople()]);
    signInAs(b.coordinator);
    expect(await render(a.tenant.slug)).toEqual(NOT_FOUND);
    signInAs(null);
    expect(await render(a.tenant.slug)).toEqual(signInFor(`/${a.tenant.slug}/access`));
  });
});

const PLATFORM_PAGES = [
  { name: "admin/users", Page: PlatformUsersPage, path: "/admin/users", title: (m: Messages) => m.platformUsers.title },
  {
    name: "admin/security",
    Page: PlatformSecurityPage,
    path: "/admin/security",
    title: (m: Messages) => m.securityEvents.platformTitle,
  },
];

describe.each(PLATFORM_PAGES)("the platform page $name (the platform administrator only)", ({ Page, path, title }) => {
  it("is not found for a tenant administrator who is not the platform administrator, nor anyone else signed in", async () => {
    const a = await createTenantWithPeople();
    for (const person of [a.admin, a.viewer, await createUser()]) {
      signInAs(person);
      expect(await renderPage(Page, path), person.email).toEqual(NOT_FOUND);
    }
  });

  it("sends a signed-out person to sign in, and back here afterwards", async () => {
    signInAs(null);
    expect(await renderPage(Page, path)).toEqual(signInFor(path));
  });

  it("renders for the platform administrator", async () => {
    signInAs(await createUser({ platformAdmin: true }));
    const shown = await renderPage(Page, path);
    expect(shown).toHaveProperty("element");
    expect(textsOf("element" in shown ? shown.element : null)).toContain(title(en));
  });
});

describe("the platform's people page", () => {
  it("finds a person by the search in the query", async () => {
    const [platform, someone] = await Promise.all([createUser({ platformAdmin: true }), createUser()]);
    signInAs(platform);
    const shown = await renderPage(PlatformUsersPage, "/admin/users", {}, { q: someone.email });
    if (!("element" in shown)) throw new Error(`expected the page, got ${JSON.stringify(shown)}`);
    expect(propsOf<{ user: { email: string } }>(shown.element, UserRow).map((p) => p.user.email)).toEqual([
      someone.email,
    ]);
  });
});
