import "server-only";
import { timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { clientKeyFor } from "@/lib/domain/client-address";
import type { ClientInfo } from "@/lib/domain/security-events";

/**
 * The headers our server (scripts/server.mjs) sets on every request: the client's address worked
 * out from the socket and the trusted proxies (TRUSTED_PROXIES), and a proof that it was that
 * server which set it (a random value made at its start, in this process's environment). A client
 * can send headers of the same names, but not the proof, so under plain `next start` (no proof in
 * the environment) the address header is never believed.
 */
export const CLIENT_IP_HEADER = "x-nap-client-ip";
export const CLIENT_IP_PROOF_HEADER = "x-nap-client-ip-proof";
export const CLIENT_IP_PROOF_ENV = "NAP_CLIENT_IP_PROOF";

function proven(h: Headers): boolean {
  const expected = process.env[CLIENT_IP_PROOF_ENV];
  const given = h.get(CLIENT_IP_PROOF_HEADER);
  if (!expected || !given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Who is asking: the address (normalised, lib/domain/client-address.ts: never a made-up value,
 * never skipped) and the browser's own description.
 */
export function clientInfoFrom(h: Headers): ClientInfo {
  const raw = proven(h) ? h.get(CLIENT_IP_HEADER) : lastForwarded(h.get("x-forwarded-for"));
  return { ip: clientKeyFor(raw), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
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
