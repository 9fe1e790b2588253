import "server-only";
// The history of one activity: its audit events and those of its indicators, newest first, with
// who, when, what changed (field by field, from the event's before/after) and why.
import type { Prisma } from "@/generated/prisma/client";
import { NotFoundError } from "@/lib/domain/errors";
import { localized } from "@/lib/domain/localized";
import type { History, HistoryChange, HistoryEvent, HistoryValue } from "@/lib/domain/types/history";
import type { TenantContext } from "./context";
import { withTenant } from "./door";

export type { History, HistoryChange, HistoryEvent, HistoryValue };

// Bookkeeping that changes on every write and says nothing to a reader (an indicator event names
// its activity in every snapshot, to be found after the indicator is deleted).
const HIDDEN_FIELDS = new Set(["id", "tenantId", "activityId", "version", "createdAt", "updatedAt"]);
// Fields that hold ids are shown by name, since ids mean nothing to people.
const isAgencyField = (field: string) => /agenc|partner/i.test(field);
const isObjectiveField = (field: string) => field === "objectiveId";

type Json = Prisma.JsonValue;
const asObject = (v: Json | null): Record<string, Json> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, Json>) : null;

/** Field-by-field differences; a created (or deleted) record lists what it was created with (or had). */
export function diffFields(before: Json | null, after: Json | null): HistoryChange[] {
  const b = asObject(before) ?? {};
  const a = asObject(after) ?? {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !HIDDEN_FIELDS.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: f, from: (b[f] ?? null) as HistoryValue, to: (a[f] ?? null) as HistoryValue }));
}

const snapshotName = (v: Json | null) => {
  const name = asObject(v)?.name;
  return typeof name === "string" ? name : null;
};

function idsIn(changes: HistoryChange[], isField: (field: string) => boolean): string[] {
  const ids = new Set<string>();
  const visit = (v: HistoryValue) => {
    if (typeof v === "string") ids.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
  };
  for (const c of changes.filter((c) => isField(c.field))) [c.from, c.to].forEach(visit);
  return [...ids];
}

function withNames(
  change: HistoryChange,
  byId: Map<string, string>,
  isField: (field: string) => boolean,
): HistoryChange {
  if (!isField(change.field)) return change;
  const name = (v: HistoryValue): HistoryValue =>
    typeof v === "string" ? (byId.get(v) ?? v) : Array.isArray(v) ? v.map(name) : v;
  return { ...change, from: name(change.from), to: name(change.to) };
}

/**
 * Events about the activity, and about its indicators (found by the events' indexed activityId,
 * so indicators deleted since are there too). Another tenant's activity is NotFound. At most `limit`.
 */
export async function listHistory(
  ctx: TenantContext,
  activityId: string,
  opts: { limit?: number; locale?: string } = {},
): Promise<History> {
  return withTenant(ctx, "audit.view", async (tx) => {
    const tenantId = ctx.tenant.id;
    const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
    const activity = await tx.activity.findFirst({
      where: { id: activityId, tenantId },
      select: { id: true, indicators: { select: { id: true, name: true, names: true } } },
    });
    if (!activity) throw new NotFoundError("activity");
    const locale = opts.locale ?? "en";
    const indicatorIds = activity.indicators.map((i) => i.id);
    const indicatorNames = new Map(
      activity.indicators.map((i) => [i.id, localized(i.name, i.names as Record<string, string>, locale)]),
    );
    const rows = await tx.auditEvent.findMany({
      where: {
        tenantId,
        // Both by index: the activity's column (its own events and its indicators', deleted ones
        // included), and the indicators it has now by id.
        OR: [{ activityId }, { entityType: "Indicator", entityId: { in: indicatorIds } }],
      },
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        reason: true,
        actor: { select: { name: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    });
    const events = rows.slice(0, limit).map((r) => ({
      id: r.id,
      at: r.createdAt,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorName: r.actor?.name ?? null,
      reason: r.reason,
      changes: diffFields(r.before, r.after),
      // A deleted indicator is named by its last snapshot.
      subject:
        r.entityType === "Indicator"
          ? (indicatorNames.get(r.entityId) ?? snapshotName(r.before) ?? snapshotName(r.after))
          : null,
    }));
    // Names for the ids in the changes: at most one statement for agencies, one for objectives.
    const agencyIds = [...new Set(events.flatMap((e) => idsIn(e.changes, isAgencyField)))];
    const objectiveIds = [...new Set(events.flatMap((e) => idsIn(e.changes, isObjectiveField)))];
    const [agencies, objectives] = await Promise.all([
      agencyIds.length
        ? tx.agency.findMany({
            where: { tenantId, id: { in: agencyIds } },
            select: { id: true, name: true, names: true },
          })
        : [],
      objectiveIds.length
        ? tx.objective.findMany({
            where: { tenantId, id: { in: objectiveIds } },
            select: { id: true, code: true, title: true, titles: true },
          })
        : [],
    ]);
    const agencyNames = new Map(
      agencies.map((a) => [a.id, localized(a.name, a.names as Record<string, string>, locale)]),
    );
    const objectiveNames = new Map(
      objectives.map((o) => [o.id, `${o.code} ${localized(o.title, o.titles as Record<string, string>, locale)}`]),
    );
    for (const e of events) {
      e.changes = e.changes.map((c) =>
        withNames(withNames(c, agencyNames, isAgencyField), objectiveNames, isObjectiveField),
      );
    }
    return { events, hasMore: rows.length > limit };
  });
}
