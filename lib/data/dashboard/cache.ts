import "server-only";
// The dashboard's figures, cached per tenant in this process under the tenant's figures version
// ("Tenant"."figuresVersion", bumped by triggers in the transaction of every change the figures
// count: an update approved, submitted or reopened, the plan's structure, its activities,
// indicators, periods, agencies). The version is read in the transaction that would compute the
// figures, so a hit costs one indexed read and a cache never outlives a change, in this process
// or another. Entries of older versions go when a tenant's version moves on.
import type { Tx } from "../door";

const MAX_ENTRIES_PER_TENANT = 200;

interface TenantEntries {
  version: number;
  values: Map<string, unknown>;
}

const byTenant = new Map<string, TenantEntries>();
let hits = 0;
let misses = 0;

/** The figures for `key` at the tenant's current version: from the cache, else computed (in `tx`) and kept. */
export async function cachedFigures<T>(tx: Tx, tenantId: string, key: string, compute: () => Promise<T>): Promise<T> {
  const row = await tx.tenant.findUnique({ where: { id: tenantId }, select: { figuresVersion: true } });
  const version = row?.figuresVersion ?? -1;
  let entries = byTenant.get(tenantId);
  if (!entries || entries.version !== version) {
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
  const value = await compute();
  // Another request may have moved the version on while this one computed: keep it only if not.
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
