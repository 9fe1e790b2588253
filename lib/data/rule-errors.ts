import "server-only";
import { RuleError, type MessageRef } from "@/lib/domain/errors";

/**
 * The field errors a rule would throw, as a value, so several rules report in one answer rather
 * than the first alone. Anything else (not found, a rule without fields) is thrown on.
 */
export async function ruleErrorsOf(check: () => Promise<unknown>): Promise<Record<string, MessageRef>> {
  try {
    await check();
    return {};
  } catch (error) {
    if (error instanceof RuleError && Object.keys(error.fieldErrors).length > 0) return error.fieldErrors;
    throw error;
  }
}

/** Throws every collected field error at once; nothing when there is none. */
export function failOnAny(errors: Record<string, MessageRef>, message = "errors.invalidInput"): void {
  if (Object.keys(errors).length > 0) throw new RuleError(message, errors);
}
