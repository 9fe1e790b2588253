import { z } from "zod";
import { AGENCY_KINDS } from "@/lib/domain/enums";
import { IdSchema, TenantSlugSchema, VersionSchema, optionalText, requiredText } from "./common";

const agencyFields = {
  tenant: TenantSlugSchema,
  name: requiredText(200),
  nameRu: optionalText(200),
  shortName: optionalText(40),
  kind: z.enum(AGENCY_KINDS, { error: "validation.invalid" }),
};

export const CreateAgencySchema = z.object(agencyFields);
export const UpdateAgencySchema = z.object({ ...agencyFields, agencyId: IdSchema, version: VersionSchema });
export const ArchiveAgencySchema = z.object({
  tenant: TenantSlugSchema,
  agencyId: IdSchema,
  archived: z.enum(["true", "false"]),
});
export type CreateAgencyInput = z.infer<typeof CreateAgencySchema>;
