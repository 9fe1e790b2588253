import "server-only";
// The history of one activity: its audit events and those of its indicators, newest first, with
// who, when, what changed (field by field, from the event's before/after) and why.
import type { Prisma } from "@/generated/prisma/client";
import type { RefEntity } from "@/lib/domain/audit-fields";
import { payloadFieldKind, refsIn } from "@/lib/domain/audit-payloads";
import { NotFoundError } from "@/lib/domain/errors";
import { CONTENT_LANGUAGES, readingOf, textOf, toTexts, type Reading } from "@/lib/domain/texts";
import type { History, HistoryChange, HistoryEvent, HistoryValue } from "@/lib/domain/types/history";
import type { TenantContext } from "./context";
import { withTenant } from "./door";

export type { History, HistoryChange, HistoryEvent, HistoryValue };

// Bookkeeping that changes on every write and says nothing to a reader (an indicator event names
// its activity in every snapshot, to be found after the indicator is deleted).
const HIDDEN_FIELDS = new Set(["id", "tenantId", "activityId", "version", "createdAt", "updatedAt"]);

type Json = Prisma.JsonValue;
const asObject = (v: Json | null): Record<string, Json> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, Json>) : null;

// Content fields written before they were stored per language: the text in the record's own column
// (English, every tenant's default then) and its translations as `titles`/`names` or a `...Ru` field.
const LEGACY_TEXTS: Record<string, string[]> = {
  title: ["titles", "titleRu"],
  name: ["names", "nameRu"],
  description: [],
  expectedResults: [],
  fundingSource: [],
  shortName: [],
  unitLabel: [],
  baselineSource: [],
};

/** A payload with its content fields as maps, { title: { en, ru } }, however old the event. */
export function withTextMaps(payload: Record<string, Json>): Record<string, Json> {
  const out = { ...payload };
  for (const [field, extras] of Object.entries(LEGACY_TEXTS)) {
    if (!extras.some((x) => x in out) && typeof out[field] !== "string") continue;
    const base = typeof out[field] === "string" ? { en: out[field] as string } : toTexts(out[field]);
    const [map, ru] = extras;
    const more = {
      ...(map ? toTexts(out[map]) : {}),
      ...(ru && typeof out[ru] === "string" ? { ru: out[ru] as string } : {}),
    };
    for (const x of extras) delete out[x];
    out[field] = toTexts({ ...base, ...more }) as Json;
  }
  return out;
}

/** A content map as one field per language ("title.ru"), so a change says which language changed. */
function perLanguage(payload: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [field, value] of Object.entries(payload)) {
    if (field in LEGACY_TEXTS && (value === null || typeof value === "object") && !Array.isArray(value)) {
      const texts = toTexts(value);
      for (const lang of CONTENT_LANGUAGES) if (texts[lang] !== undefined) out[`${field}.${lang}`] = texts[lang]!;
    } else out[field] = value;
  }
  return out;
}

/**
 * Field-by-field differences; a created (or deleted) record lists what it was created with (or
 * had). Content fields differ language by language ("title.ru").
 */
export function diffFields(before: Json | null, after: Json | null): HistoryChange[] {
  const b = perLanguage(withTextMaps(asObject(before) ?? {}));
  const a = perLanguage(withTextMaps(asObject(after) ?? {}));
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !HIDDEN_FIELDS.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: f, from: (b[f] ?? null) as HistoryValue, to: (a[f] ?? null) as HistoryValue }));
}

const snapshotName = (v: Json | null, reading: Reading) => {
  const o = asObject(v);
  return o ? textOf(toTexts(withTextMaps(o).name), reading) || null : null;
};

/** The ids of `entity` an event's changes hold, as its action's payload schema declares them. */
const refsOfChange = (action: string, c: HistoryChange, entity: RefEntity) => [
  ...refsIn(action, c.field, c.from, entity),
  ...refsIn(action, c.field, c.to, entity),
];

/** The change with the ids its schema declares replaced by names (an id no longer found stays as it is). */
function withNames(action: string, change: HistoryChange, names: Map<RefEntity, Map<string, string>>): HistoryChange {
  const kind = payloadFieldKind(action, change.field);
  const byId = kind?.kind === "ref" ? names.get(kind.entity) : undefined;
  if (kind?.kind !== "ref" || !byId) return change;
  const name = (x: HistoryValue): HistoryValue => (typeof x === "string" ? (byId.get(x) ?? x) : x);
  const side = (v: HistoryValue): HistoryValue =>
    refsIn(action, change.field, v, kind.entity).length === 0 ? v : Array.isArray(v) ? v.map(name) : name(v);
  return { ...change, from: side(change.from), to: side(change.to) };
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
      select: { id: true, indicators: { select: { id: true, name: true } } },
    });
    if (!activity) throw new NotFoundError("activity");
    const reading = readingOf(ctx.tenant, opts.locale);
    const indicatorIds = activity.indicators.map((i) => i.id);
    const indicatorNames = new Map(activity.indicators.map((i) => [i.id, textOf(toTexts(i.name), reading)]));
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
          ? (indicatorNames.get(r.entityId) ?? snapshotName(r.before, reading) ?? snapshotName(r.after, reading))
          : null,
    }));
    // Ids mean nothing to people: those the payload schemas declare agency or objective ids are
    // shown by name, with at most one statement for agencies and one for objectives.
    const ids = (entity: RefEntity) => [
      ...new Set(events.flatMap((e) => e.changes.flatMap((c) => refsOfChange(e.action, c, entity)))),
    ];
    const [agencyIds, objectiveIds] = [ids("Agency"), ids("Objective")];
    const [agencies, objectives] = await Promise.all([
      agencyIds.length
        ? tx.agency.findMany({
            where: { tenantId, id: { in: agencyIds } },
            select: { id: true, name: true },
          })
        : [],
      objectiveIds.length
        ? tx.objective.findMany({
            where: { tenantId, id: { in: objectiveIds } },
            select: { id: true, code: true, title: true },
          })
        : [],
    ]);
    const names = new Map<RefEntity, Map<string, string>>([
      ["Agency", new Map(agencies.map((a) => [a.id, textOf(toTexts(a.name), reading)]))],
      ["Objective", new Map(objectives.map((o) => [o.id, `${o.code} ${textOf(toTexts(o.title), reading)}`]))],
    ]);
    for (const e of events) e.changes = e.changes.map((c) => withNames(e.action, c, names));
    return { events, hasMore: rows.length > limit };
  });
}
