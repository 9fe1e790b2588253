import "server-only";
// The dashboard's SQL: one statement per part of the page, each counting in the database over
// the plan's activities "as of" a period. Nothing here loads rows to count them in JavaScript;
// the longest answer is a roll-up (a row per pillar, objective or agency) or a bounded list.
//
// An activity's state as of a period is that of its latest counted update (approved; with the
// switch, submitted ones too) of that period or an earlier one. Without one it has not started
// (0 %), unless its record says cancelled. The figures count reports, not edits of the record.
//
// The rules for "overdue", "at risk" and an indicator's progress and mark are those of
// lib/domain/dashboard.ts, written here once in SQL because they filter, sort and count rows;
// tests/integration/dashboard.test.ts checks the two agree on every row of a known dataset.
import { Prisma } from "@/generated/prisma/client";
import { AT_RISK_GAP, AT_RISK_SLACK, ON_PACE_SLACK } from "@/lib/domain/dashboard";
import { ACTIVITY_STATUSES } from "@/lib/domain/enums";
import { INDICATOR_PAGE, WATCH_LIMIT, type AgencySort, type DashboardView } from "@/lib/domain/types/dashboard";
import { NATURAL_CODE, textKey } from "../activity-queries/sql";

export const COUNTED_STATUSES = ["APPROVED"] as const;
export const WITH_SUBMITTED = ["APPROVED", "SUBMITTED", "SIGNED_OFF"] as const;
export { INDICATOR_PAGE, WATCH_LIMIT };

type View = DashboardView & { plan: NonNullable<DashboardView["plan"]>; asOf: NonNullable<DashboardView["asOf"]> };

export const isReady = (view: DashboardView): view is View => view.plan !== null && view.asOf !== null;

const statuses = (view: View) =>
  Prisma.sql`ARRAY[${Prisma.join([...(view.submitted ? WITH_SUBMITTED : COUNTED_STATUSES)])}]::"UpdateStatus"[]`;

/**
 * `objs` (the plan's objectives shown, with their section's pillar) and `acts` (the activities
 * shown, under the view's pillar, objective and agency). Objectives first, as their own small
 * table: without statistics (the embedded database never analyses) a three-way join was planned
 * as nested loops.
 */
function scope(tenantId: string, view: View): Prisma.Sql {
  const pillar =
    view.pillar === null
      ? Prisma.empty
      : view.pillar === "NONE"
        ? Prisma.sql`AND s.pillar IS NULL`
        : Prisma.sql`AND s.pillar::text = ${view.pillar}`;
  const objective = view.objectiveId ? Prisma.sql`AND o.id = ${view.objectiveId}` : Prisma.empty;
  const agency = view.agencyId
    ? Prisma.sql`AND (a."leadAgencyId" = ${view.agencyId} OR a.id = ANY(ARRAY(
        SELECT ap."activityId" FROM "ActivityPartner" ap WHERE ap."tenantId" = ${tenantId} AND ap."agencyId" = ${view.agencyId})))`
    : Prisma.empty;
  return Prisma.sql`objs AS MATERIALIZED (
      SELECT o.id, o.code, o.title, COALESCE(s.pillar::text, 'NONE') AS pillar, s.position AS "sectionPosition", o.position
      FROM "Objective" o JOIN "Section" s ON s."tenantId" = o."tenantId" AND s.id = o."sectionId"
      WHERE o."tenantId" = ${tenantId} AND o."planId" = ${view.plan.id} AND o."archivedAt" IS NULL
        AND s."archivedAt" IS NULL ${pillar} ${objective}
    ), acts AS MATERIALIZED (
      SELECT a.id, a.code, a.title, a."leadAgencyId", a."plannedStart", a."plannedEnd", a.status::text AS recorded,
        a."objectiveId", ob.pillar, ${NATURAL_CODE} AS "naturalCode"
      FROM "Activity" a JOIN objs ob ON ob.id = a."objectiveId"
      WHERE a."tenantId" = ${tenantId} AND a."planId" = ${view.plan.id} AND a."archivedAt" IS NULL ${agency}
    )`;
}

interface AsOf {
  key: string;
  start: string;
  day: string;
}

/** The points in time the states are taken at: the as-of period's start and its day. */
const asOfNow = (view: View): AsOf => ({ key: view.asOf.id, start: view.asOf.startDate, day: view.day });

/**
 * `states`: each activity of `acts` at each of the `points` (column k): its status `st`, percent
 * `pct`, whether that comes from an update not yet approved, the percent planned by the day
 * (time elapsed of its planned span), and whether it is overdue or at risk.
 */
function states(tenantId: string, view: View, points: AsOf[]): Prisma.Sql {
  const values = Prisma.join(points.map((p) => Prisma.sql`(${p.key}, ${p.start}::date, ${p.day}::date)`));
  return Prisma.sql`${scope(tenantId, view)}, q(k, s, d) AS (VALUES ${values}),
    raw AS (
      SELECT q.k, q.d, x.*,
        COALESCE(c.st, CASE WHEN x.recorded = 'CANCELLED' THEN 'CANCELLED' ELSE 'NOT_STARTED' END) AS st,
        COALESCE(c.pct, 0) AS pct,
        COALESCE(c.ustatus <> 'APPROVED', false) AS pending,
        CASE WHEN x."plannedStart" IS NULL OR x."plannedEnd" IS NULL THEN NULL
          WHEN q.d <= x."plannedStart" THEN 0 WHEN q.d >= x."plannedEnd" THEN 100
          ELSE floor(100.0 * (q.d - x."plannedStart") / (x."plannedEnd" - x."plannedStart") + 0.5)::int END AS expected
      FROM acts x CROSS JOIN q
      LEFT JOIN LATERAL (
        SELECT u."activityStatus"::text AS st, u."percentComplete" AS pct, u.status::text AS ustatus
        FROM "ProgressUpdate" u JOIN "ReportingPeriod" p ON p."tenantId" = u."tenantId" AND p.id = u."periodId"
        WHERE u."tenantId" = ${tenantId} AND u."activityId" = x.id AND p."startDate" <= q.s AND u.status = ANY(${statuses(view)})
        ORDER BY p."startDate" DESC LIMIT 1
      ) c ON true
    ), states AS (
      SELECT r.*, (r."plannedEnd" < r.d AND r.st NOT IN ('COMPLETED', 'CANCELLED')) AS overdue,
        (NOT COALESCE(r."plannedEnd" < r.d, false) AND r.st NOT IN ('COMPLETED', 'CANCELLED')
          AND (r.st = 'DELAYED' OR COALESCE(r.expected - r.pct >= ${AT_RISK_GAP}, false))) AS "atRisk"
      FROM raw r
    )`;
}

/** The progress figures of a group of `states` rows, as columns (see ProgressFigures). */
const FIGURES = Prisma.sql`count(*)::int AS activities,
  ${Prisma.join(
    ACTIVITY_STATUSES.map((s) => Prisma.sql`count(*) FILTER (WHERE st = ${s})::int AS ${Prisma.raw(`"s_${s}"`)}`),
  )},
  count(*) FILTER (WHERE st = 'COMPLETED')::int AS completed,
  CASE WHEN count(*) FILTER (WHERE st <> 'CANCELLED') > 0
    THEN floor(100.0 * count(*) FILTER (WHERE st = 'COMPLETED') / count(*) FILTER (WHERE st <> 'CANCELLED') + 0.5)::int END AS "completedShare",
  floor(avg(pct) FILTER (WHERE st <> 'CANCELLED') + 0.5)::int AS "averagePercent",
  count(*) FILTER (WHERE overdue)::int AS overdue,
  count(*) FILTER (WHERE "atRisk")::int AS "atRisk",
  count(*) FILTER (WHERE pending)::int AS pending`;

/** Headline figures as of the period and the one before it: one row per point (k = period id). */
export function headlineSql(tenantId: string, view: View): Prisma.Sql {
  const points = [asOfNow(view)];
  if (view.previous)
    points.push({
      key: view.previous.id,
      start: view.previous.startDate,
      day: view.previous.endDate < view.day ? view.previous.endDate : view.day,
    });
  return Prisma.sql`WITH ${states(tenantId, view, points)}
    SELECT k, ${FIGURES} FROM states GROUP BY k`;
}

/**
 * The activities of `acts` x due to report in the periods of `alias` (not cancelled, planned span
 * overlapping the period; as the compliance matrix counts them), each with its update u there.
 */
const dueWithUpdate = (tenantId: string, alias: string) => {
  const p = Prisma.raw(alias);
  return Prisma.sql`acts x JOIN ${p} ON x.recorded <> 'CANCELLED'
      AND (x."plannedStart" IS NULL OR x."plannedStart" <= ${p}."endDate")
      AND (x."plannedEnd" IS NULL OR x."plannedEnd" >= ${p}."startDate")
    LEFT JOIN "ProgressUpdate" u ON u."tenantId" = ${tenantId} AND u."activityId" = x.id AND u."periodId" = ${p}.id`;
};
/** An update of `dueWithUpdate` submitted by the due day of its period `alias`. */
const onTime = (alias: string) =>
  Prisma.sql`u.status <> 'DRAFT' AND u."submittedAt" < ${Prisma.raw(alias)}."dueDate" + 1`;

/**
 * Reporting compliance in the period and the one before: activities due (not cancelled, planned
 * span overlapping the period; as the compliance matrix counts them), those with an update
 * submitted, and those submitted by the due day.
 */
export function complianceSql(tenantId: string, view: View): Prisma.Sql {
  const ids = [view.asOf.id, ...(view.previous ? [view.previous.id] : [])];
  return Prisma.sql`WITH ${scope(tenantId, view)}, per AS (
      SELECT p.id, p."startDate", p."endDate", p."dueDate" FROM "ReportingPeriod" p
      WHERE p."tenantId" = ${tenantId} AND p.id = ANY(ARRAY[${Prisma.join(ids)}])
    )
    SELECT per.id AS k, count(*)::int AS due,
      count(u.id) FILTER (WHERE u.status <> 'DRAFT' AND u."submittedAt" IS NOT NULL)::int AS reported,
      count(u.id) FILTER (WHERE ${onTime("per")})::int AS "onTime"
    FROM ${dueWithUpdate(tenantId, "per")}
    GROUP BY per.id`;
}

/** The roll-up one level below the view: pillars, a pillar's objectives, or an objective's activities. */
export function rollupSql(tenantId: string, view: View): Prisma.Sql {
  const base = Prisma.sql`WITH ${states(tenantId, view, [asOfNow(view)])}`;
  if (view.objectiveId)
    return Prisma.sql`${base}
      SELECT s.id, s.code, s.title, s.st AS status, s.pct AS "percentComplete", s.pending, s.overdue, s."atRisk",
        s."plannedEnd", g.id AS "leadId", g.name AS "leadName"
      FROM states s LEFT JOIN "Agency" g ON g."tenantId" = ${tenantId} AND g.id = s."leadAgencyId"
      ORDER BY s."naturalCode", s.id`;
  if (view.pillar)
    return Prisma.sql`${base}
      SELECT ob.id AS key, ob.code, ob.title, ob.pillar, ${FIGURES}
      FROM states s JOIN objs ob ON ob.id = s."objectiveId"
      GROUP BY ob.id, ob.code, ob.title, ob.pillar, ob."sectionPosition", ob.position
      ORDER BY ob."sectionPosition", ob.position, ob.code`;
  return Prisma.sql`${base}
    SELECT s.pillar AS key, s.pillar, ${FIGURES}
    FROM states s GROUP BY s.pillar
    ORDER BY array_position(ARRAY['PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP', 'NONE'], s.pillar)`;
}

const AGENCY_ORDER: Record<Exclude<AgencySort, "name">, string> = {
  led: "led",
  partnered: "partnered",
  completed: "completed",
  delayed: "delayed",
  overdue: "overdue",
  lastReport: '"lastReport"',
  onTimeRate: '"onTimeRate"',
};

/**
 * Per agency that leads or partners an activity shown: led, partnered, completed, delayed and
 * overdue (of those it leads, as of the period), its last report, and its on-time rate over the
 * periods up to the as-of one whose due day has passed.
 */
export function agenciesSql(
  tenantId: string,
  view: View,
  sort: { by: AgencySort; desc: boolean },
  reading: string[],
  today: string,
): Prisma.Sql {
  const name = textKey(Prisma.sql`g.name`, reading);
  const direction = sort.desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const order =
    sort.by === "name"
      ? Prisma.sql`${name} ${direction}, g.id`
      : Prisma.sql`${Prisma.raw(AGENCY_ORDER[sort.by])} ${direction}, ${name}, g.id`;
  return Prisma.sql`WITH ${states(tenantId, view, [asOfNow(view)])},
    led AS (
      SELECT s."leadAgencyId" AS agency, count(*)::int AS led,
        count(*) FILTER (WHERE s.st = 'COMPLETED')::int AS completed,
        count(*) FILTER (WHERE s.st = 'DELAYED')::int AS delayed,
        count(*) FILTER (WHERE s.overdue)::int AS overdue
      FROM states s WHERE s."leadAgencyId" IS NOT NULL GROUP BY 1
    ), partnered AS (
      SELECT ap."agencyId" AS agency, count(*)::int AS partnered
      FROM "ActivityPartner" ap JOIN acts x ON x.id = ap."activityId"
      WHERE ap."tenantId" = ${tenantId} GROUP BY 1
    ), past AS (
      SELECT p.id, p."startDate", p."endDate", p."dueDate" FROM "ReportingPeriod" p
      WHERE p."tenantId" = ${tenantId} AND p."planId" = ${view.plan.id}
        AND p."startDate" <= ${view.asOf.startDate}::date AND p."dueDate" < ${today}::date
    ), reports AS (
      SELECT x."leadAgencyId" AS agency, count(*)::int AS due,
        count(u.id) FILTER (WHERE ${onTime("past")})::int AS "onTime"
      FROM ${dueWithUpdate(tenantId, "past")}
      WHERE x."leadAgencyId" IS NOT NULL GROUP BY 1
    ), last AS (
      SELECT x."leadAgencyId" AS agency, max(u."submittedAt") AS "lastReport"
      FROM acts x JOIN "ProgressUpdate" u ON u."tenantId" = ${tenantId} AND u."activityId" = x.id
      JOIN "ReportingPeriod" p ON p."tenantId" = u."tenantId" AND p.id = u."periodId"
      WHERE u."submittedAt" IS NOT NULL AND p."startDate" <= ${view.asOf.startDate}::date
      GROUP BY 1
    ), rows AS (
      SELECT g.id, g.name, g."shortName",
        COALESCE(l.led, 0) AS led, COALESCE(pa.partnered, 0) AS partnered,
        COALESCE(l.completed, 0) AS completed, COALESCE(l.delayed, 0) AS delayed, COALESCE(l.overdue, 0) AS overdue,
        la."lastReport", COALESCE(r.due, 0) AS "dueReports",
        CASE WHEN r.due > 0 THEN floor(100.0 * r."onTime" / r.due + 0.5)::int END AS "onTimeRate"
      FROM "Agency" g
      LEFT JOIN led l ON l.agency = g.id
      LEFT JOIN partnered pa ON pa.agency = g.id
      LEFT JOIN reports r ON r.agency = g.id
      LEFT JOIN last la ON la.agency = g.id
      WHERE g."tenantId" = ${tenantId} AND (l.agency IS NOT NULL OR pa.agency IS NOT NULL)
    )
    SELECT * FROM rows g ORDER BY ${order}`;
}

/** Progress of an indicator towards its target (lib/domain/dashboard.ts indicatorProgress), in SQL. */
const PROGRESS = Prisma.sql`CASE WHEN i.target IS NULL OR i.actual IS NULL THEN NULL
    WHEN i.unit = 'YES_NO' THEN CASE WHEN i.actual = i.target THEN 100 ELSE 0 END
    WHEN i.base IS NULL THEN NULL
    WHEN i.target = i.base THEN CASE WHEN (i.direction = 'INCREASE' AND i.actual >= i.target)
      OR (i.direction = 'DECREASE' AND i.actual <= i.target) THEN 100 ELSE 0 END
    ELSE floor(100.0 * (i.actual - i.base) / (i.target - i.base) + 0.5)::int END`;

/** The indicator's mark (lib/domain/dashboard.ts indicatorMark), in SQL, over progress and expected. */
const MARK = Prisma.sql`CASE WHEN m.target IS NULL THEN 'NO_TARGET'
    WHEN m.actual IS NULL THEN 'NOT_REPORTED'
    WHEN m.progress IS NULL THEN 'NO_TARGET'
    WHEN m.progress >= 100 THEN 'ON_TRACK'
    WHEN m.progress < 0 THEN 'OFF_TRACK'
    WHEN m.progress >= COALESCE(m.expected, 0) - ${ON_PACE_SLACK} THEN 'ON_TRACK'
    WHEN m.progress >= COALESCE(m.expected, 0) - ${AT_RISK_SLACK} THEN 'AT_RISK'
    ELSE 'OFF_TRACK' END`;

/**
 * An objective's code in natural order, part by part as NATURAL_CODE orders an activity's, so an
 * objective's indicators come before its activities' (1.1 < 1.1.1) and 2.1 before 10.1 or 3.1.2.
 */
const OBJECTIVE_NATURAL_CODE = Prisma.sql`ARRAY(SELECT CASE WHEN part ~ '^[0-9]+$' THEN lpad(part, greatest(length(part), 12), '0') ELSE lower(part) END
  FROM unnest(string_to_array(ob.code, '.')) WITH ORDINALITY AS c(part, n) ORDER BY n)`;

/**
 * The indicators of the activities and objectives shown, with their actual as of the period: a
 * cumulative indicator's latest counted value; a per-period one's sum (a percentage: its
 * numerators over its denominators, when every value has them; yes/no: the latest). Progress,
 * the pace expected by the view's day (from the plan's start to the end of the target year, else
 * to the activity's planned end, else the plan's end) and the mark, counted by mark; the rows in
 * order of concern (off track first), a page of INDICATOR_PAGE. One row of JSON.
 */
export function indicatorsSql(tenantId: string, view: View, page: number): Prisma.Sql {
  const offset = Math.max(0, page - 1) * INDICATOR_PAGE;
  return Prisma.sql`WITH ${scope(tenantId, view)},
    ind AS (
      SELECT i.id, i.name, i.unit::text AS unit, i."unitLabel", i.direction::text AS direction, i."valueKind"::text AS "valueKind",
        i.baseline::float8 AS baseline, i.target::float8 AS target, i."targetYear", i.position,
        CASE WHEN i."activityId" IS NOT NULL THEN 'activity' ELSE 'objective' END AS kind,
        COALESCE(x.id, ob.id) AS "ofId", COALESCE(x.code, ob.code) AS "ofCode",
        COALESCE(x."naturalCode", ${OBJECTIVE_NATURAL_CODE}) AS "naturalCode",
        COALESCE(CASE WHEN i."targetYear" IS NOT NULL THEN make_date(i."targetYear", 12, 31) END,
          x."plannedEnd", ${view.plan.endDate}::date) AS "targetDay"
      FROM "Indicator" i
      LEFT JOIN acts x ON x.id = i."activityId"
      LEFT JOIN objs ob ON ob.id = i."objectiveId"
      -- An objective's indicators when the view holds any of its activities (under an agency, those it leads or partners).
      WHERE i."tenantId" = ${tenantId} AND i."archivedAt" IS NULL
        AND (x.id IS NOT NULL OR ob.id = ANY(ARRAY(SELECT DISTINCT "objectiveId" FROM acts)))
    ), vals AS (
      SELECT v."indicatorId", v.value::float8 AS value, v.numerator::float8 AS numerator,
        v.denominator::float8 AS denominator, p."startDate", p.label, u.status::text AS ustatus
      FROM "IndicatorValue" v
      JOIN "ProgressUpdate" u ON u."tenantId" = v."tenantId" AND u.id = v."progressUpdateId"
      JOIN "ReportingPeriod" p ON p."tenantId" = u."tenantId" AND p.id = u."periodId"
      WHERE v."tenantId" = ${tenantId} AND v."indicatorId" = ANY(ARRAY(SELECT id FROM ind)) AND v.value IS NOT NULL
        AND u.status = ANY(${statuses(view)}) AND p."planId" = ${view.plan.id} AND p."startDate" <= ${view.asOf.startDate}::date
    ), agg AS (
      SELECT "indicatorId", count(*)::int AS reports,
        (array_agg(value ORDER BY "startDate" DESC))[1] AS latest,
        (array_agg(label ORDER BY "startDate" DESC))[1] AS "latestLabel",
        (array_agg(ustatus <> 'APPROVED' ORDER BY "startDate" DESC))[1] AS "latestPending",
        bool_or(ustatus <> 'APPROVED') AS "anyPending",
        sum(value) AS total, sum(numerator) AS num, sum(denominator) AS den, count(denominator) AS dens
      FROM vals GROUP BY 1
    ), i AS (
      -- A per-period number meant to rise adds its periods up from 0 (its baseline is a figure per
      -- period, not a start of the sum); one meant to fall is its latest period's figure, from the
      -- baseline; a per-period percentage is a rate over all periods, from the baseline.
      SELECT ind.*, CASE WHEN ind."valueKind" = 'PER_PERIOD' AND ind.unit = 'NUMBER' AND ind.direction = 'INCREASE' THEN 0
          ELSE COALESCE(ind.baseline, CASE WHEN ind.direction = 'INCREASE' THEN 0 END) END AS base,
        COALESCE(agg.reports, 0) AS reports, agg."latestLabel",
        CASE WHEN ind."valueKind" = 'PER_PERIOD' AND NOT (ind.unit = 'NUMBER' AND ind.direction = 'DECREASE')
          THEN COALESCE(agg."anyPending", false)
          ELSE COALESCE(agg."latestPending", false) END AS pending,
        CASE WHEN ind."valueKind" = 'PER_PERIOD' AND ind.unit = 'NUMBER' AND ind.direction = 'DECREASE' THEN agg.latest
          WHEN ind."valueKind" = 'PER_PERIOD' AND ind.unit = 'NUMBER' THEN agg.total
          WHEN ind."valueKind" = 'PER_PERIOD' AND ind.unit = 'PERCENT' AND agg.dens = agg.reports AND agg.den > 0
            THEN round((100.0 * agg.num / agg.den)::numeric, 2)::float8
          ELSE agg.latest END AS actual
      FROM ind LEFT JOIN agg ON agg."indicatorId" = ind.id
    ), m AS (
      SELECT i.*, ${PROGRESS} AS progress,
        CASE WHEN ${view.day}::date <= ${view.plan.startDate}::date THEN 0
          WHEN ${view.day}::date >= i."targetDay" OR i."targetDay" <= ${view.plan.startDate}::date THEN 100
          ELSE floor(100.0 * (${view.day}::date - ${view.plan.startDate}::date)
            / (i."targetDay" - ${view.plan.startDate}::date) + 0.5)::int END AS expected
      FROM i
    ), marked AS (
      SELECT m.*, ${MARK} AS mark FROM m
    ), page AS (
      SELECT * FROM marked
      ORDER BY array_position(ARRAY['OFF_TRACK', 'AT_RISK', 'NOT_REPORTED', 'ON_TRACK', 'NO_TARGET'], mark),
        "naturalCode", position, id
      LIMIT ${INDICATOR_PAGE} OFFSET ${offset}
    )
    SELECT
      (SELECT count(*)::int FROM marked) AS total,
      (SELECT COALESCE(json_object_agg(mark, n), '{}'::json) FROM (SELECT mark, count(*)::int AS n FROM marked GROUP BY mark) c) AS marks,
      (SELECT COALESCE(json_agg(json_build_object(
        'id', id, 'name', name, 'unit', unit, 'unitLabel', "unitLabel", 'direction', direction, 'valueKind', "valueKind",
        'baseline', baseline, 'target', target, 'targetYear', "targetYear", 'kind', kind, 'ofId', "ofId", 'ofCode', "ofCode",
        'actual', actual, 'latestLabel', "latestLabel", 'reports', reports, 'pending', pending,
        'progress', progress, 'expected', expected, 'mark', mark)
        ORDER BY array_position(ARRAY['OFF_TRACK', 'AT_RISK', 'NOT_REPORTED', 'ON_TRACK', 'NO_TARGET'], mark),
          "naturalCode", position, id), '[]'::json) FROM page) AS rows`;
}

/** Progress per period up to the as-of one: actual and planned percent, completed and planned to be. */
export function trendSql(tenantId: string, view: View): Prisma.Sql {
  const points = view.periods
    .filter((p) => p.startDate <= view.asOf.startDate)
    .map((p) => ({ key: p.id, start: p.startDate, day: p.endDate < view.day ? p.endDate : view.day }));
  return Prisma.sql`WITH ${states(tenantId, view, points)}
    SELECT k,
      floor(avg(pct) FILTER (WHERE st <> 'CANCELLED') + 0.5)::int AS "actualPercent",
      floor(avg(expected) FILTER (WHERE st <> 'CANCELLED' AND expected IS NOT NULL) + 0.5)::int AS "plannedPercent",
      count(*) FILTER (WHERE st = 'COMPLETED')::int AS completed,
      count(*) FILTER (WHERE st <> 'CANCELLED' AND "plannedEnd" <= d)::int AS "plannedCompleted"
    FROM states GROUP BY k`;
}

/** Overdue and at-risk activities as of the period: the first WATCH_LIMIT of each and their totals. */
export function watchlistSql(tenantId: string, view: View): Prisma.Sql {
  const row = Prisma.sql`json_build_object('id', s.id, 'code', s.code, 'title', s.title, 'status', s.st,
    'percentComplete', s.pct, 'plannedEnd', s."plannedEnd", 'pending', s.pending, 'overdue', s.overdue,
    'expected', s.expected, 'leadId', g.id, 'leadName', g.name)`;
  return Prisma.sql`WITH ${states(tenantId, view, [asOfNow(view)])},
    o AS (SELECT * FROM states WHERE overdue ORDER BY "plannedEnd", "naturalCode", id LIMIT ${WATCH_LIMIT}),
    r AS (SELECT * FROM states WHERE "atRisk"
      ORDER BY (st = 'DELAYED') DESC, COALESCE(expected - pct, 0) DESC, "naturalCode", id LIMIT ${WATCH_LIMIT})
    SELECT
      (SELECT count(*)::int FROM states WHERE overdue) AS "overdueTotal",
      (SELECT count(*)::int FROM states WHERE "atRisk") AS "atRiskTotal",
      (SELECT COALESCE(json_agg(${row} ORDER BY s."plannedEnd", s."naturalCode", s.id), '[]'::json)
        FROM o s LEFT JOIN "Agency" g ON g."tenantId" = ${tenantId} AND g.id = s."leadAgencyId") AS overdue,
      (SELECT COALESCE(json_agg(${row} ORDER BY (s.st = 'DELAYED') DESC, COALESCE(s.expected - s.pct, 0) DESC, s."naturalCode", s.id), '[]'::json)
        FROM r s LEFT JOIN "Agency" g ON g."tenantId" = ${tenantId} AND g.id = s."leadAgencyId") AS "atRisk"`;
}
