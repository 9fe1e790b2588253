import type { SessionUser } from "@/lib/data/context";
import { storedSessionFor } from "./auth-config";
import { testState } from "./state";

/**
 * Acts as this person in the next calls (null: signed out). Only the session source is stubbed
 * (auth() in tests/helpers/auth-config.ts): the person's stored session is started on first use
 * and kept, so ending it (sign out everywhere, a password change, disabling) signs them out here.
 */
export function signInAs(user: SessionUser | null): void {
  testState.user = user;
}

/** The id of the stored session this person's cookie holds (started now if they had none). */
export function sessionIdOf(user: SessionUser): Promise<string> {
  return storedSessionFor(user.id);
}

/** Forgets this person's session (everyone's without an argument): the next call starts a new one. */
export function forgetSessions(user?: SessionUser): void {
  if (user) testState.sessions.delete(user.id);
  else testState.sessions.clear();
}

/** The path proxy.ts would report for this request (lib/server/request-path.ts); null: none. */
export function setRequestPath(path: string | null): void {
  testState.requestPath = path;
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
