// Calls page server components the way Next does, and names what came of it: an element, Next's
// notFound() (the 404 fallback), or a redirect with its URL. Anything else is rethrown. settle()
// does the same for a server action that ends in redirect().
import { isValidElement, type ReactElement, type ReactNode } from "react";
import {
  getAccessFallbackHTTPStatus,
  isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { setRequestPath } from "./session";

export type PageOutcome = { element: ReactElement } | { status: number } | { redirect: string };

type SearchParams = Record<string, string | string[]>;
type PageComponent<P> = (props: {
  params: Promise<P>;
  searchParams: Promise<SearchParams>;
}) => Promise<ReactNode> | ReactNode;

/**
 * Renders `Page` for `path` (e.g. "/slug/members"): the route params and the query as Next passes
 * them, and the request-path header proxy.ts sets, so a redirect to sign in can name the page.
 */
export async function renderPage<P extends Record<string, string>>(
  Page: PageComponent<P>,
  path: string,
  params: P = {} as P,
  searchParams: SearchParams = {},
): Promise<PageOutcome> {
  setRequestPath(path);
  try {
    const outcome = await settle(
      Page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) }),
    );
    if (!("value" in outcome)) return outcome;
    if (!isValidElement(outcome.value)) throw new Error(`${path} rendered something that is not a React element`);
    return { element: outcome.value };
  } finally {
    setRequestPath(null);
  }
}

/** What a page or an action came to: its value, Next's notFound() and kin (a status), or a redirect. */
export async function settle<T>(
  work: Promise<T> | T,
): Promise<{ value: T } | { status: number } | { redirect: string }> {
  try {
    return { value: await work };
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return { status: getAccessFallbackHTTPStatus(error) };
    if (isRedirectError(error)) return { redirect: getURLFromRedirectError(error) };
    throw error;
  }
}

/** Every string in an element tree as written by the page (child components are not rendered). */
export function textsOf(node: ReactNode): string[] {
  if (typeof node === "string" || typeof node === "number") return [String(node)];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (isValidElement<{ children?: ReactNode }>(node)) return textsOf(node.props.children);
  return [];
}

/** The props of every element in the tree made from `type` (a component or a tag name). */
export function propsOf<P>(node: ReactNode, type: unknown): P[] {
  if (Array.isArray(node)) return node.flatMap((n) => propsOf<P>(n, type));
  if (!isValidElement<{ children?: ReactNode }>(node)) return [];
  const here = node.type === type ? [node.props as P] : [];
  return [...here, ...propsOf<P>(node.props.children, type)];
}

/**
 * The HTML an element renders to, with its child components rendered too (server components,
 * async ones included, as Next renders them; client components as their server-side HTML).
 */
export async function htmlOf(node: ReactNode): Promise<string> {
  const { renderToReadableStream } = await import("react-dom/server");
  let failure: unknown = null;
  const stream = await renderToReadableStream(node, { onError: (error) => void (failure ??= error) });
  await stream.allReady;
  const html = await new Response(stream).text();
  if (failure) throw failure;
  return html;
}

/** The text a reader (or a screen reader) gets from some HTML: tags dropped, entities decoded, spaces collapsed. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
}
