import "server-only";
import { headers } from "next/headers";

/** The absolute link an invitee opens, built from the request the admin made. */
export async function invitationLink(token: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}/invite/${token}`;
}
