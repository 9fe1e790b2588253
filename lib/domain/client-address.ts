// The key a client's address is counted under by the sign-in throttle. Addresses are normalised
// so that one client cannot appear as many: an IPv4 address written as IPv6 (::ffff:1.2.3.4) is
// the IPv4 address, and an IPv6 address counts by its /64 network (one subscriber's usual
// allocation, which a client can roam inside freely). Anything that is not an address is
// "unidentified": counted like any client, never skipped.
import ipaddr from "ipaddr.js";

export const UNIDENTIFIED = "unidentified";

export function clientKeyFor(raw: string | null | undefined): string {
  const value = raw?.trim();
  if (!value || !ipaddr.isValid(value)) return UNIDENTIFIED;
  const address = ipaddr.process(value);
  if (address.kind() === "ipv4") return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
}
