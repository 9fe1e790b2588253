/**
 * The header proxy.ts sets on every page request with the path and query the browser asked for,
 * so that a page that sends a signed-out person to sign in can bring them back there. Whatever a
 * client sends under this name is overwritten there.
 */
export const REQUEST_PATH_HEADER = "x-nap-request-path";
