// The closed list of security events written to the audit log. Pages translate them by name
// ("securityEvents.action.<name>"), so a new event is added here and in the messages.
export const SECURITY_ACTIONS = [
  "auth.signedIn",
  "auth.signInFailed",
  "auth.signInRefused",
  "auth.lockedOut",
  "auth.clientLockedOut",
  "auth.signedOut",
  "auth.signedOutEverywhere",
  "auth.sessionRevoked",
  "auth.passwordChanged",
  "auth.passwordResetIssued",
  "auth.passwordReset",
  "user.disabled",
  "user.enabled",
  "user.localeChanged",
] as const;

export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

/** What an event is about: a person, an address nobody has an account for, or a client address. */
export type SecuritySubject =
  { type: "User"; id: string } | { type: "SignIn"; id: string } | { type: "Client"; id: string };

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export const UNKNOWN_CLIENT: ClientInfo = { ip: "unknown", userAgent: null };
