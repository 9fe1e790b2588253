import { z } from "@/lib/validation/zod";
import { IdSchema } from "./common";

export const UserRefSchema = z.object({ userId: IdSchema });
export const SetUserDisabledSchema = z.object({ userId: IdSchema, disabled: z.enum(["true", "false"]) });
