import "server-only";

/**
 * A unique constraint refused the write (Prisma's P2002): a duplicate that slipped past the
 * check before it, e.g. two people saving the same code at once. Checked by code rather than by
 * class so it holds for every driver adapter.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
