// The bell and its page: the unread count, the list newest first, marking read (one, all, by
// opening), and nobody else's notifications: not another person's, not another tenant's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import NotificationsPage from "@/app/(app)/[tenant]/notifications/page";
import OpenNotificationPage from "@/app/(app)/[tenant]/notifications/[id]/page";
import OutboxPage from "@/app/(app)/[tenant]/outbox/page";
import { getDb } from "@/lib/db";
import {
  listNotifications,
  markRead,
  notify,
  openNotification,
  unreadCount,
  type NotificationInput,
} from "@/lib/data/notifications";
import { NotFoundError } from "@/lib/domain/errors";
import { twoPlans } from "../factories/activities";
import { renderPage, textsOf } from "../helpers/pages";
import { signInAs } from "../helpers/session";

let w: Awaited<ReturnType<typeof twoPlans>>;

async function give(tenantId: string, userId: string, items: Partial<NotificationInput>[]) {
  const db = await getDb();
  const ids: string[] = [];
  for (const [i, item] of items.entries()) {
    // One at a time, a millisecond apart, so "newest first" has an order to check.
    const row = await db.notification.create({
      data: {
        tenantId,
        userId,
        kind: item.kind ?? "update.approved",
        payload: (item.payload ?? { by: `Reviewer ${i}` }) as object,
        link: item.link ?? `/activities/x${i}`,
        createdAt: new Date(Date.UTC(2026, 6, 1, 9, 0, i)),
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

beforeEach(async () => {
  w = await twoPlans();
});
afterEach(() => signInAs(null));

describe("the bell", () => {
  it("counts the person's unread notifications in this tenant only", async () => {
    await give(w.a.tenant.id, w.a.focal.id, [{}, {}, {}]);
    await give(w.a.tenant.id, w.a.coordinator.id, [{}]); // someone else's
    // The same person's notifications in another tenant do not ring here: B's focal point gets one in B.
    await give(w.b.tenant.id, w.b.focal.id, [{}, {}]);
    expect(await unreadCount(w.a.ctx.focal)).toBe(3);
    expect(await unreadCount(w.a.ctx.coordinator)).toBe(1);
    expect(await unreadCount(w.a.ctx.viewer)).toBe(0);
    expect(await unreadCount(w.b.ctx.focal)).toBe(2);
  });
});

describe("the list", () => {
  it("is the person's own, newest first, with the payload to write it from", async () => {
    const ids = await give(w.a.tenant.id, w.a.focal.id, [
      { kind: "update.returned", payload: { comment: "Add the list", period: { en: "Q2 2026" } } },
      { kind: "update.approved" },
    ]);
    await give(w.a.tenant.id, w.a.viewer.id, [{}]);
    const page = await listNotifications(w.a.ctx.focal);
    expect(page).toMatchObject({ total: 2, unread: 2, page: 1, pages: 1 });
    expect(page.items.map((n) => n.id)).toEqual([ids[1], ids[0]]);
    expect(page.items[1]).toMatchObject({
      kind: "update.returned",
      payload: { comment: "Add the list", period: { en: "Q2 2026" } },
      link: "/activities/x0",
      readAt: null,
    });
    expect((await listNotifications(w.b.ctx.focal)).items).toEqual([]);
  });

  it("keeps only known payload fields of the right shape", async () => {
    await give(w.a.tenant.id, w.a.focal.id, [{ payload: { by: 3, comment: "ok", period: "Q2", extra: "x" } as never }]);
    const [item] = (await listNotifications(w.a.ctx.focal)).items;
    expect(item.payload).toEqual({ comment: "ok" });
  });
});

describe("marking read", () => {
  it("marks the named ones, or all, of this person only", async () => {
    const mine = await give(w.a.tenant.id, w.a.focal.id, [{}, {}, {}]);
    const theirs = await give(w.a.tenant.id, w.a.coordinator.id, [{}]);
    const otherTenant = await give(w.b.tenant.id, w.b.focal.id, [{}]);
    // Someone else's id and another tenant's id are ignored.
    expect(await markRead(w.a.ctx.focal, [mine[0], theirs[0], otherTenant[0]])).toBe(1);
    expect(await unreadCount(w.a.ctx.focal)).toBe(2);
    expect(await unreadCount(w.a.ctx.coordinator)).toBe(1);
    expect(await unreadCount(w.b.ctx.focal)).toBe(1);
    expect(await markRead(w.a.ctx.focal, "all")).toBe(2);
    expect(await unreadCount(w.a.ctx.focal)).toBe(0);
    expect(await unreadCount(w.a.ctx.coordinator)).toBe(1);
    expect((await listNotifications(w.a.ctx.focal)).items.every((n) => n.readAt)).toBe(true);
  });

  it("opening one marks it read and says where it leads; another's is not found", async () => {
    const [id] = await give(w.a.tenant.id, w.a.focal.id, [{ link: "/activities/abc/report?period=def" }]);
    await expect(openNotification(w.a.ctx.coordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openNotification(w.b.ctx.admin, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await unreadCount(w.a.ctx.focal)).toBe(1);
    expect(await openNotification(w.a.ctx.focal, id)).toEqual({ link: "/activities/abc/report?period=def" });
    expect(await unreadCount(w.a.ctx.focal)).toBe(0);
  });
});

describe("notify", () => {
  it("skips a second notification with the same dedupe key for the same person", async () => {
    const db = await getDb();
    const item: NotificationInput = {
      userId: w.a.focal.id,
      kind: "period.dueSoon",
      payload: { day: "2026-07-15" },
      link: null,
      dedupeKey: "period.dueSoon:p1",
    };
    const write = () =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${w.a.tenant.id}, true)`;
        return notify(tx, w.a.tenant.id, [item]);
      });
    expect(await write()).toBe(1);
    expect(await write()).toBe(0);
    expect(await unreadCount(w.a.ctx.focal)).toBe(1);
  });
});

describe("the pages", () => {
  it("list the person's notifications in their language, the returned comment quoted", async () => {
    await give(w.a.tenant.id, w.a.focal.id, [
      {
        kind: "update.returned",
        payload: { by: "Coordinator C", comment: "Add the list", period: { en: "Q2 2026" }, activityCode: "1.1.1" },
      },
    ]);
    signInAs(w.a.focal);
    const page = await renderPage(NotificationsPage, `/${w.a.tenant.slug}/notifications`, { tenant: w.a.tenant.slug });
    expect("element" in page).toBe(true);
    const texts = "element" in page ? textsOf(page.element).join(" ") : "";
    expect(texts).toContain("Coordinator C returned the update of 1.1.1 for Q2 2026: “Add the list”");
    expect(texts).toContain("Unread");
    // Another tenant's member: 404, as for a tenant that does not exist.
    signInAs(w.b.focal);
    expect(
      await renderPage(NotificationsPage, `/${w.a.tenant.slug}/notifications`, { tenant: w.a.tenant.slug }),
    ).toEqual({
      status: 404,
    });
  });

  it("open a notification: marked read, then on to its path inside the tenant only", async () => {
    const [inside, outside] = await give(w.a.tenant.id, w.a.focal.id, [
      { link: "/activities/abc/report?period=def" },
      { link: "//evil.example/steal" },
    ]);
    signInAs(w.a.focal);
    const open = (id: string) =>
      renderPage(OpenNotificationPage, `/${w.a.tenant.slug}/notifications/${id}`, { tenant: w.a.tenant.slug, id });
    expect(await open(inside)).toEqual({ redirect: `/${w.a.tenant.slug}/activities/abc/report?period=def` });
    expect(await open(outside)).toEqual({ redirect: `/${w.a.tenant.slug}/notifications` });
    expect(await unreadCount(w.a.ctx.focal)).toBe(0);
    signInAs(w.a.coordinator);
    expect(await open(inside)).toEqual({ status: 404 });
  });

  it("show the outbox to the tenant's administrators only", async () => {
    const path = `/${w.a.tenant.slug}/outbox`;
    for (const person of [w.a.coordinator, w.a.focal, w.a.viewer, w.b.admin]) {
      signInAs(person);
      expect(await renderPage(OutboxPage, path, { tenant: w.a.tenant.slug })).toEqual({ status: 404 });
    }
    signInAs(w.a.admin);
    expect("element" in (await renderPage(OutboxPage, path, { tenant: w.a.tenant.slug }))).toBe(true);
  });
});
