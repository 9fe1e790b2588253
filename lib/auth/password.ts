import bcrypt from "bcryptjs";

// Cost 10 keeps a sign-in near 60 ms on these 2-core machines while staying above OWASP's floor.
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** A valid hash of a random string: compared against when the account does not exist,
 * so a wrong email costs the same time as a wrong password. */
export const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.8Sx6oUEGaAaHbnnrVYSbTs4zQyzW";
