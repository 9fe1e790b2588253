// What a browser loads for a page the first time (empty cache): Debian's Chromium, driven by
// Playwright's own library (never `playwright install`), signed in with a session cookie. The
// JavaScript weight is the sum over the script files the page loaded of each body gzipped here
// (zlib, level 6: what `next start` sends), with the bytes on the wire beside it.
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export interface FirstLoad {
  url: string;
  status: number;
  /** Every request the page made until the network was idle (the document, scripts, styles, prefetches…). */
  requests: number;
  byType: Record<string, number>;
  scripts: { url: string; bytes: number; gzip: number; transfer: number }[];
  scriptBytes: number;
  scriptGzip: number;
  /** Response bodies as received (compressed when the server compressed them). */
  scriptTransfer: number;
  documentGzip: number;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Loads `url` once in a fresh browser context carrying `cookie` ("name=value") for its host. */
export async function measureFirstLoad(url: string, cookie: string): Promise<FirstLoad> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    const [name, ...rest] = cookie.split("=");
    await context.addCookies([{ name, value: rest.join("="), url: new URL(url).origin }]);
    const page = await context.newPage();
    const byType: Record<string, number> = {};
    let requests = 0;
    page.on("request", (request) => {
      requests++;
      byType[request.resourceType()] = (byType[request.resourceType()] ?? 0) + 1;
    });
    const pending: Promise<FirstLoad["scripts"][number] | null>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        (async () => {
          const body = await response.body().catch(() => null);
          if (!body) return null;
          const sizes = await response.request().sizes();
          return {
            url: response.url(),
            bytes: body.length,
            gzip: gzipSync(body, { level: 6 }).length,
            transfer: sizes.responseBodySize,
          };
        })(),
      );
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response) throw new Error(`no response for ${url}`);
    if (new URL(page.url()).pathname !== new URL(url).pathname)
      throw new Error(`${url} ended on ${page.url()}: was the session accepted?`);
    const html = await response.body();
    const scripts = (await Promise.all(pending)).filter((s) => s !== null);
    const sum = (key: "bytes" | "gzip" | "transfer") => scripts.reduce((total, s) => total + s[key], 0);
    return {
      url,
      status: response.status(),
      requests,
      byType,
      scripts,
      scriptBytes: sum("bytes"),
      scriptGzip: sum("gzip"),
      scriptTransfer: sum("transfer"),
      documentGzip: gzipSync(html, { level: 6 }).length,
    };
  } finally {
    await browser.close();
  }
}
