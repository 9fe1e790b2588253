import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_PROOF_ENV, clientInfoFrom } from "./client-info";

afterEach(() => {
  delete process.env[CLIENT_IP_PROOF_ENV];
});

describe("clientInfoFrom", () => {
  it("believes the address header only with the proof of our own server", () => {
    process.env[CLIENT_IP_PROOF_ENV] = "proof-of-this-process";
    const ours = new Headers({
      "x-nap-client-ip": "198.51.100.4",
      "x-nap-client-ip-proof": "proof-of-this-process",
      "x-forwarded-for": "10.9.9.9",
    });
    expect(clientInfoFrom(ours).ip).toBe("198.51.100.4");
    const forged = new Headers({
      "x-nap-client-ip": "1.2.3.4",
      "x-nap-client-ip-proof": "guess-guess-guess-guess",
      "x-forwarded-for": "198.51.100.9",
    });
    expect(clientInfoFrom(forged).ip).toBe("198.51.100.9");
  });

  it("under plain next start (no proof in the environment) ignores the header entirely", () => {
    const h = new Headers({
      "x-nap-client-ip": "1.2.3.4",
      "x-nap-client-ip-proof": "",
      "x-forwarded-for": "203.0.113.1",
    });
    expect(clientInfoFrom(h).ip).toBe("203.0.113.1");
  });

  it("never yields a value that would skip the per-client count", () => {
    expect(clientInfoFrom(new Headers({ "x-forwarded-for": "unknown" })).ip).toBe("unidentified");
    expect(clientInfoFrom(new Headers()).ip).toBe("unidentified");
  });
});
