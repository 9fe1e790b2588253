// Runs before every request except static assets (Next 16's proxy, once middleware.ts).
// It only sets headers and refuses oversized server-action bodies early; it never decides who
// may see what: access is checked in every page, action and route handler.
import { NextResponse, type NextRequest } from "next/server";
import { SERVER_ACTION_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/domain/limits";
import { REQUEST_PATH_HEADER } from "@/lib/server/request-path";
import { HSTS, cameOverHttps, contentSecurityPolicy, createNonce } from "@/lib/server/security-headers";

export function proxy(request: NextRequest) {
  const https = cameOverHttps(request.nextUrl, request.headers);
  const tooLarge = bodyTooLarge(request);
  if (tooLarge) return withHeaders(tooLarge, https, null);

  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  // The page the browser asked for, so sign-in can bring a signed-out person back to it
  // (lib/auth/session.ts); whatever a client sent under this name is replaced.
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Route handlers carry tenant data (downloads, the JSON API): never cached. This header wins
  // over a handler's own, so a route that may be cached must be left out here. Pages get Next's
  // "private, no-cache, no-store" for dynamic rendering.
  if (request.nextUrl.pathname.startsWith("/api/")) response.headers.set("cache-control", "no-store");
  return withHeaders(response, https, csp);
}

function withHeaders(response: NextResponse, https: boolean, csp: string | null): NextResponse {
  if (csp) response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

/**
 * A server action whose body is over Next's limit would fail inside Next with nothing but an
 * error digest on the page. Answered here in plain text instead, the browser's router throws an
 * error whose message app/error.tsx recognises and explains. (The browser's form-size guard
 * catches nearly all of these before they are sent.)
 */
function bodyTooLarge(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!(length > SERVER_ACTION_BODY_LIMIT_BYTES)) return null;
  return new NextResponse(`Body exceeded ${SERVER_ACTION_BODY_LIMIT} limit.`, {
    status: 413,
    headers: { "content-type": "text/plain", "cache-control": "no-store" },
  });
}

export const config = {
  // Everything but build assets, which carry no data and need no nonce (next.config.ts headers()
  // still gives them the fixed security headers).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"],
};
