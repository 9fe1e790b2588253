// zod, as every schema of the app imports it. In the browser, zod probes once whether it may
// compile parsers with `new Function`; under the app's Content-Security-Policy (proxy.ts: no
// 'unsafe-eval') the probe fails harmlessly but is reported as a CSP violation on every page that
// parses a form. Telling zod up front not to try, here, before any schema exists, keeps zod out of
// the pages that parse nothing (it was configured in instrumentation-client.ts, which put all of
// zod, ~30 KiB compressed, into the bundle every page loads). The server keeps zod's fast parsers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
