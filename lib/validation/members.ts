import { z } from "@/lib/validation/zod";
import { ROLES } from "@/lib/domain/enums";
import { EmailSchema } from "./auth";
import { IdSchema, TenantSlugSchema } from "./common";

export const RoleSchema = z.enum(ROLES, { error: "validation.role" });

const agencyField = z
  .string()
  .optional()
  .transform((v) => (v ? v : null));

export const InviteMemberSchema = z
  .object({
    tenant: TenantSlugSchema,
    email: EmailSchema,
    role: RoleSchema,
    agencyId: agencyField,
  })
  .refine((v) => v.role !== "FOCAL_POINT" || v.agencyId, { path: ["agencyId"], message: "validation.agencyRequired" });
export type InviteMemberInput = z.infer<typeof InviteMemberSchema>;

export const ChangeRoleSchema = z
  .object({
    tenant: TenantSlugSchema,
    membershipId: IdSchema,
    role: RoleSchema,
    agencyId: agencyField,
  })
  .refine((v) => v.role !== "FOCAL_POINT" || v.agencyId, { path: ["agencyId"], message: "validation.agencyRequired" });

export const MembershipRefSchema = z.object({ tenant: TenantSlugSchema, membershipId: IdSchema });
export const InvitationRefSchema = z.object({ tenant: TenantSlugSchema, invitationId: IdSchema });
