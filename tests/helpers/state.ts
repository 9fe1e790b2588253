// What stands in for one browser and one request in the integration tests: who is signed in,
// the stored session each person's cookie names, the cookie jar and the path the page was asked
// for. Kept on globalThis: every file of a worker shares it (isolate: false), as the stubs do.
import type { SessionUser } from "@/lib/data/context";
import type { ClientInfo } from "@/lib/domain/security-events";

export interface TestState {
  /** The person the next call acts as (null: signed out); set with signInAs(). */
  user: SessionUser | null;
  /** Per user id: the id of the REAL stored session their cookie holds, started on first use. */
  sessions: Map<string, Promise<string>>;
  cookies: Map<string, string>;
  /** The x-nap-request-path header proxy.ts would set; null: none. */
  requestPath: string | null;
}

const g = globalThis as unknown as { __napTestState?: TestState };
export const testState: TestState = (g.__napTestState ??= {
  user: null,
  sessions: new Map(),
  cookies: new Map(),
  requestPath: null,
});

/** The client the stubbed request headers name (next/headers in setup.ts). */
export const TEST_CLIENT: ClientInfo = { ip: "192.0.2.10", userAgent: "vitest" };
