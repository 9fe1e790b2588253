import type { SessionUser } from "@/lib/data/context";

/** Acts as this person in the next server-action calls (null: signed out). */
export function signInAs(user: SessionUser | null): void {
  (globalThis as unknown as { __testUser?: SessionUser | null }).__testUser = user;
}

/** A FormData from a plain object, as a browser form would post it. */
export function form(fields: Record<string, string | string[] | number | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, String(v));
  }
  return data;
}
