// The dashboard's state lives in the URL (plan, "as of" period, pillar, objective, agency, the
// switch for submitted updates, the agencies' sort, the indicators' page), so a link can be
// shared and a reload keeps it; invalid values fall back to the defaults.
import { z } from "@/lib/validation/zod";
import { PILLARS } from "@/lib/domain/enums";
import { AGENCY_SORTS } from "@/lib/domain/types/dashboard";
import { first, OptionalIdSchema } from "./query";

export const DashboardQuerySchema = z.object({
  plan: OptionalIdSchema,
  asOf: OptionalIdSchema,
  pillar: z
    .preprocess(first, z.enum([...PILLARS, "NONE"]))
    .nullable()
    .catch(null),
  objective: OptionalIdSchema,
  agency: OptionalIdSchema,
  submitted: z.preprocess((v) => first(v) === "1", z.boolean()).catch(false),
  sort: z.preprocess(first, z.enum(AGENCY_SORTS)).catch("name"),
  dir: z.preprocess(first, z.enum(["asc", "desc"])).catch("asc"),
  ip: z.preprocess((v) => Number(first(v) || 1), z.number().int().min(1).max(10_000)).catch(1),
});

export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;
