import { z } from "@/lib/validation/zod";
import { AGENCY_KINDS } from "@/lib/domain/enums";
import { IdSchema, TenantSlugSchema, VersionSchema, textsField } from "./common";
import { withDottedFields } from "./form";

const agencyFields = {
  tenant: TenantSlugSchema,
  name: textsField(200, { required: true }),
  shortName: textsField(40),
  kind: z.enum(AGENCY_KINDS, { error: "validation.invalid" }),
};

export const CreateAgencySchema = withDottedFields(z.object(agencyFields));
export const UpdateAgencySchema = withDottedFields(
  z.object({ ...agencyFields, agencyId: IdSchema, version: VersionSchema }),
);
export const ArchiveAgencySchema = z.object({
  tenant: TenantSlugSchema,
  agencyId: IdSchema,
  archived: z.enum(["true", "false"]),
});
export type CreateAgencyInput = z.infer<typeof CreateAgencySchema>;
