import "server-only";
import { RuleError } from "@/lib/domain/errors";

/**
 * The field error for a code someone else took. The check before the write catches the usual
 * case; a duplicate that slips past it (two people saving at once) hits the unique key, and the
 * door turns that into the same error (DoorOptions.unique).
 */
export const codeTaken = (key: "sectionCodeTaken" | "objectiveCodeTaken") => () =>
  new RuleError("errors.invalidInput", { code: { key: `structure.validation.${key}` } });
