// What the URL-state schemas share (the activity list, the review desk, the dashboard): anything
// a person can type into the address bar must parse, so invalid values fall back, never error.
import { z } from "@/lib/validation/zod";

/** A query-string value as one string: the first of repeated keys, "" when absent. */
export const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? "";

// Record ids are cuids; anything else cannot match a row, so it is dropped rather than queried.
export const OptionalIdSchema = z
  .preprocess(first, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
  .nullable()
  .catch(null);
