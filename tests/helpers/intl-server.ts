// Stands in for "next-intl/server" in the integration tests: its React-server build only runs
// inside Next. The functions pages call work as next-intl's do, from the app's own request
// config (i18n/request.ts: the signed-in person's language, then the cookie, then the browser)
// and the real messages, through next-intl's own createTranslator and createFormatter.
import { createFormatter, createTranslator, initializeConfig } from "next-intl";
import type { GetRequestConfigParams, RequestConfig } from "next-intl/server";

type ConfigFactory = (params: GetRequestConfigParams) => RequestConfig | Promise<RequestConfig>;

/** As next-intl's: i18n/request.ts passes its function through this. */
export function getRequestConfig(factory: ConfigFactory): ConfigFactory {
  return factory;
}

async function config(locale?: string) {
  const { default: factory } = (await import("@/i18n/request")) as { default: ConfigFactory };
  const result = await factory({ locale, requestLocale: Promise.resolve(locale) });
  if (!result.locale) throw new Error("i18n/request.ts returned no locale");
  return { ...initializeConfig({ ...result, locale: result.locale }), timeZone: result.timeZone ?? "UTC" };
}

type Opts = { locale?: string; namespace?: string };

export async function getTranslations(namespaceOrOpts?: string | Opts) {
  const opts = typeof namespaceOrOpts === "string" ? { namespace: namespaceOrOpts } : (namespaceOrOpts ?? {});
  const c = await config(opts.locale);
  return createTranslator({ ...c, namespace: opts.namespace });
}

export async function getFormatter(opts?: { locale?: string }) {
  const c = await config(opts?.locale);
  return createFormatter({ ...c, now: c.now ?? new Date() });
}

export async function getLocale() {
  return (await config()).locale;
}

export async function getMessages(opts?: { locale?: string }) {
  return (await config(opts?.locale)).messages;
}

export async function getTimeZone(opts?: { locale?: string }) {
  return (await config(opts?.locale)).timeZone;
}

export async function getNow(opts?: { locale?: string }) {
  return (await config(opts?.locale)).now ?? new Date();
}

/** Static rendering is not a thing in these tests: nothing to remember. */
export function setRequestLocale(_locale: string): void {}
