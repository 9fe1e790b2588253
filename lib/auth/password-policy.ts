import "server-only";
// The password policy: at least 12 characters and not on the list of common breached passwords
// that @zxcvbn-ts/language-common ships (about 49,000, from public breach corpora). Strength is a
// hint only (zxcvbn's score), so a long passphrase of plain words is never refused for lacking
// digits or symbols. Runs on the server only: the list is too large for a browser bundle.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's time grows with length; past this it has seen enough to judge. */
const HINT_SAMPLE = 100;

let commonSet: Set<string> | undefined;
let estimator: ZxcvbnFactory | undefined;

function commonPasswords(): Set<string> {
  commonSet ??= new Set(common.dictionary["passwords-common"].map((p) => String(p).toLowerCase()));
  return commonSet;
}

/** True when the password, or its core without leading and trailing digits and symbols, is on the list. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  return core.length >= 4 && core.length < lower.length && list.has(core);
}

/** The translation key of the first rule the password breaks, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "validation.passwordTooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "validation.tooLong";
  if (isCommonPassword(password)) return "validation.passwordCommon";
  return null;
}

export type Strength = "weak" | "fair" | "good" | "strong";

/** A hint for the person choosing it; never a reason to refuse. */
export function passwordStrength(password: string, userInputs: string[] = []): Strength {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
  });
  // "Aigerim Testova" and "aigerim.t@mfa.gov.tm" are guessed word by word, not whole.
  const words = userInputs
    .flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length >= 3);
  const { score } = estimator.check(password.slice(0, HINT_SAMPLE), words);
  if (password.length < MIN_PASSWORD_LENGTH || score <= 1) return "weak";
  return score === 2 ? "fair" : score === 3 ? "good" : "strong";
}
