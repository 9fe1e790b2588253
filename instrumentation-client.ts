// Runs in the browser before any of the app's own code (Next's instrumentation-client file).
// zod probes once whether it may compile parsers with `new Function`; under the app's
// Content-Security-Policy (proxy.ts: no 'unsafe-eval') that probe fails harmlessly but is reported
// as a CSP violation on every page that builds a schema. Tell zod up front not to try.
import { z } from "zod";

z.config({ jitless: true });
