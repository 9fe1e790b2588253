import "server-only";

/**
 * The app's own address, from APP_URL (set it in production: https://nap.example.gov). Links
 * that leave the app (invitations, password resets, mail) are built from it, never from the
 * request's Host header, which any client can set. `npm start` sets it to the address it serves.
 */
export function appUrl(): URL {
  const configured = process.env.APP_URL?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "http:" || url.protocol === "https:") return url;
    } catch {
      // fall through to the local default
    }
  }
  return new URL(`http://localhost:${process.env.PORT ?? "3000"}`);
}

/** An absolute link to a path of this app. */
export function absoluteUrl(path: string): string {
  return new URL(path.startsWith("/") ? path : `/${path}`, appUrl()).toString();
}
