import "server-only";
// The dashboard's figures, cached per tenant in this process under the tenant's figures version
// ("Tenant"."figuresVersion", bumped by triggers at the commit of every transaction that changes
// what the figures count: an update submitted, approved, returned or reopened, the plan's structure, its
// activities, indicators, periods, agencies). The version is read once per request (one short
// transaction), so a page whose parts are all cached asks the database for nothing else, and a
// cache never outlives a committed change, in this process or another. A part computed on a miss
// may count a change committed after the version was read: it is then newer than its key, never
// older. Entries of older versions go when a tenant's version moves on.
import { cache } from "react";
import type { TenantContext } from "../context";
import { withTenant, type Tx } from "../door";

const MAX_ENTRIES_PER_TENANT = 200;

interface TenantEntries {
  version: number;
  values: Map<string, unknown>;
}

const byTenant = new Map<string, TenantEntries>();
let hits = 0;
let misses = 0;

/** One holder per request and tenant (React's request cache; outside a request, one per call). */
const requestVersion = cache((_tenantId: string): { promise: Promise<number> | null } => ({ promise: null }));

function versionOf(ctx: TenantContext): Promise<number> {
  const holder = requestVersion(ctx.tenant.id);
  holder.promise ??= withTenant(ctx, "tenant.view", async (tx) => {
    const row = await tx.tenant.findUnique({ where: { id: ctx.tenant.id }, select: { figuresVersion: true } });
    return row?.figuresVersion ?? -1;
  });
  return holder.promise;
}

/**
 * The figures for `key` at the tenant's current version: from the cache, else computed in the
 * tenant's door (tenant.view) and kept. `fresh` computes without looking or keeping.
 */
export async function cachedFigures<T>(
  ctx: TenantContext,
  key: string,
  compute: (tx: Tx) => Promise<T>,
  fresh = false,
): Promise<T> {
  if (fresh) return withTenant(ctx, "tenant.view", compute);
  const tenantId = ctx.tenant.id;
  const version = await versionOf(ctx);
  let entries = byTenant.get(tenantId);
  if (!entries || entries.version !== version) {
    // Only move forward: a request that read an older version does not throw newer entries away.
    if (entries && entries.version > version) return withTenant(ctx, "tenant.view", compute);
    entries = { version, values: new Map() };
    byTenant.set(tenantId, entries);
  }
  if (entries.values.has(key)) {
    hits++;
    const value = entries.values.get(key) as T;
    // Most recently used last, so the oldest is dropped first.
    entries.values.delete(key);
    entries.values.set(key, value);
    return value;
  }
  misses++;
  const value = await withTenant(ctx, "tenant.view", compute);
  if (byTenant.get(tenantId) === entries) {
    entries.values.set(key, value);
    if (entries.values.size > MAX_ENTRIES_PER_TENANT) entries.values.delete(entries.values.keys().next().value!);
  }
  return value;
}

/** For tests and the benchmark: hits and misses so far, and a way to start empty. */
export const figuresCacheStats = () => ({ hits, misses });
export function clearFiguresCache(): void {
  byTenant.clear();
  hits = 0;
  misses = 0;
}
