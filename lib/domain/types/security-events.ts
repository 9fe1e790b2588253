// A security event as the security pages list it, returned by lib/data/security-events.
// Pure types, so components import them from here and never reach into the data layer.
export interface SecurityEventRow {
  id: string;
  action: string;
  at: Date;
  subjectType: string;
  /** The person's email for events about a person; otherwise the address or client tried. */
  subject: string;
  actorName: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
