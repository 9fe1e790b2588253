// The app's HTTP server: Next.js's request handler behind one step of our own, which works out
// the client's address (for the sign-in throttle and the audit log) from the socket and the
// trusted proxies, and hands it on in a header that no client can set. Plain `next start` cannot
// do this: Next keeps a client-sent X-Forwarded-For as it is.
//
//   node scripts/server.mjs            serves the build on PORT (3000) and HOSTNAME (localhost)
//   node scripts/server.mjs --dev      the same with next dev
//
// TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the reverse proxies in front of the
// app (for example "127.0.0.1,10.0.0.0/8", or "loopback"); their X-Forwarded-For entries are
// believed, nobody else's. Unset: none, and the socket's address is the client.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import proxyaddr from "proxy-addr";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "localhost";
const trusted = (process.env.TRUSTED_PROXIES ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const trust = proxyaddr.compile(trusted);

// The app believes the address header only with this proof (lib/server/client-info.ts). It lives
// in this process alone: Next runs inside it, and no client ever sees it.
const proof = randomBytes(24).toString("base64url");
process.env.NAP_CLIENT_IP_PROOF = proof;

const app = next({ dev, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  req.headers["x-nap-client-ip"] = proxyaddr(req, trust) ?? "";
  req.headers["x-nap-client-ip-proof"] = proof;
  // Beyond the trusted proxies, X-Forwarded-For is the client's own word: drop it so Next
  // rebuilds it from the socket and nothing downstream believes a forged one.
  if (trusted.length === 0) {
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
  }
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(
    `serving on http://${hostname}:${port}${trusted.length ? ` (trusted proxies: ${trusted.join(", ")})` : ""}`,
  );
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
