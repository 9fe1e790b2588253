import { describe, expect, it } from "vitest";
import { cameOverHttps, contentSecurityPolicy, createNonce } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, never inline, and eval only for next dev", () => {
    const prod = contentSecurityPolicy("abc", { dev: false, https: false });
    const scripts = /script-src ([^;]+)/.exec(prod)![1];
    expect(scripts).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(prod).toContain("frame-ancestors 'none'");
    expect(prod).toContain("object-src 'none'");
    expect(prod).not.toContain("upgrade-insecure-requests");
    expect(/script-src ([^;]+)/.exec(contentSecurityPolicy("abc", { dev: true, https: false }))![1]).toContain(
      "'unsafe-eval'",
    );
    expect(contentSecurityPolicy("abc", { dev: false, https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("createNonce", () => {
  it("is base64 of 18 random bytes, different every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});

describe("cameOverHttps", () => {
  const http = new URL("http://127.0.0.1:3000/x");
  it("believes the URL, the first X-Forwarded-Proto, or an https APP_URL", () => {
    expect(cameOverHttps(http, new Headers(), "http://127.0.0.1:3000")).toBe(false);
    expect(cameOverHttps(http, new Headers(), undefined)).toBe(false);
    expect(cameOverHttps(new URL("https://nap.example.gov/"), new Headers(), undefined)).toBe(true);
    expect(cameOverHttps(http, new Headers({ "x-forwarded-proto": "https, http" }), undefined)).toBe(true);
    expect(cameOverHttps(http, new Headers({ "x-forwarded-proto": "http" }), undefined)).toBe(false);
    expect(cameOverHttps(http, new Headers(), "https://nap.example.gov")).toBe(true);
  });
});
