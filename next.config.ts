import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/domain/limits";
import { STATIC_SECURITY_HEADERS } from "./lib/server/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  typedRoutes: false,
  // The browser's form-size guard (components/ui/form-size-guard.tsx) counts against the same limit.
  // With a proxy (proxy.ts) Next buffers every request body and passes on only its first 10 MB
  // by default: a form with a 10 MB file would arrive cut short, so the buffer gets the same limit.
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT,
  },
  // On every response, static files included; the nonce-based CSP and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
