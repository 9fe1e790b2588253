// The security headers of every response. No "server-only" here: next.config.ts (plain Node, at
// start-up) and proxy.ts both import this file.
//
// Two sources, because each can do what the other cannot:
// - next.config.ts headers(): fixed headers, applied to everything, static files included;
// - proxy.ts: what depends on the request: the Content-Security-Policy with a fresh nonce (Next
//   reads it back from the request's CSP header and puts it on its own scripts) and HSTS.

/** For next.config.ts headers(): on every response. */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing here uses these; a script that got in must not either. (browsing-topics replaced
  // FLoC's interest-cohort, which current browsers report as an unknown feature.)
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), browsing-topics=()",
  },
  // Old browsers' clickjacking guard; current ones obey the CSP's frame-ancestors 'none'.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export const HSTS = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce for one response (Web Crypto: works in every runtime Next offers). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. Scripts run only with this response's nonce, or when loaded by
 * one that has it ('strict-dynamic'): an injected <script> or inline handler does not run.
 * Styles allow inline ones: React style attributes and the chart library's use them.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // `next dev` rebuilds server error stacks with eval(); production never needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (local runs) upgrading would break every request.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Whether the browser reached us over HTTPS: directly, through a proxy that says so, or as configured. */
export function cameOverHttps(url: URL, headers: Headers, appUrl = process.env.APP_URL): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return url.protocol === "https:" || forwarded === "https" || Boolean(appUrl?.trim().startsWith("https://"));
}
