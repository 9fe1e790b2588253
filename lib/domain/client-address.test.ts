import { describe, expect, it } from "vitest";
import { UNIDENTIFIED, clientKeyFor } from "./client-address";

describe("clientKeyFor", () => {
  it("keeps IPv4 addresses, and reads IPv4 written as IPv6 as the same client", () => {
    expect(clientKeyFor("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKeyFor("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts an IPv6 client by its /64, however it varies the rest", () => {
    expect(clientKeyFor("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKeyFor("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientKeyFor("2001:db8:1:3::1")).not.toBe(clientKeyFor("2001:db8:1:2::1"));
  });

  it("never lets a made-up value through as its own client", () => {
    for (const value of ["unknown", "", "   ", "evil; drop table", "999.1.1.1", null, undefined]) {
      expect(clientKeyFor(value)).toBe(UNIDENTIFIED);
    }
  });
});
