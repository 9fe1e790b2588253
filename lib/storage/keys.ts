// Storage keys are made here, never from a name a person typed or a file arrived with: a key is
// `<tenantId>/<yyyy>/<mm>/<random id>`, so one tenant's files sit apart from another's, a key
// cannot be guessed, and a stored name can never climb out of the storage folder.
import { randomBytes } from "node:crypto";

/** Letters, digits, "-" and "_" per segment, "/" between them: nothing a path could misread. */
const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const MAX_KEY_LENGTH = 300;

export class UnsafeKeyError extends Error {
  constructor() {
    // The key itself stays out of the message: it may be an attacker's text that ends up in logs.
    super("unsafe storage key");
    this.name = "UnsafeKeyError";
  }
}

/** A new key for a file of this tenant, stored now. */
export function newFileKey(tenantId: string, now = new Date()): string {
  assertSafeKey(tenantId);
  const yyyy = String(now.getUTCFullYear()).padStart(4, "0");
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${tenantId}/${yyyy}/${mm}/${randomBytes(18).toString("base64url")}`;
}

/** The tenant a key belongs to: its first segment. */
export function tenantOfKey(key: string): string {
  assertSafeKey(key);
  return key.split("/")[0];
}

/**
 * Refuses anything but the keys newFileKey makes the shape of. The named cases (`..`, absolute
 * paths, backslashes, NUL) are the classic ways out of a folder; the allow-list refuses them and
 * everything else a path could read differently on another system (dots, spaces, `%`, `:`).
 */
export function assertSafeKey(key: string): void {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) throw new UnsafeKeyError();
  if (key.includes("..") || key.includes("\\") || key.includes("\0") || key.startsWith("/")) throw new UnsafeKeyError();
  if (!SAFE_KEY.test(key)) throw new UnsafeKeyError();
}
