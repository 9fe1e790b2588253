import "server-only";
import { headers } from "next/headers";
import type { ClientInfo } from "@/lib/domain/security-events";

/**
 * The header our server (scripts/server.mjs) sets on every request from the socket's address and
 * the trusted proxies (TRUSTED_PROXIES); it overwrites whatever a client sent under that name.
 */
export const CLIENT_IP_HEADER = "x-nap-client-ip";

/** Who is asking: the address worked out by the server, and the browser's own description. */
export function clientInfoFrom(h: Headers): ClientInfo {
  const ip = h.get(CLIENT_IP_HEADER) ?? lastForwarded(h.get("x-forwarded-for")) ?? "unknown";
  return { ip: ip.slice(0, 64), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}

/**
 * Only when the app is served without our server (plain `next start`): Next fills
 * x-forwarded-for with the socket's address when the request has none, so the last entry is the
 * nearest hop. A client can forge it there; docs/security.md says to use `npm start` or
 * `npm run serve`.
 */
function lastForwarded(value: string | null): string | null {
  const last = value?.split(",").at(-1)?.trim();
  return last || null;
}

export async function clientInfo(): Promise<ClientInfo> {
  return clientInfoFrom(await headers());
}
