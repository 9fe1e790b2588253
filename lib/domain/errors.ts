// Expected failures, thrown by the data layer and turned into action results or 404s.
// Messages are translation keys, never raw database text.

export interface MessageRef {
  key: string;
  values?: Record<string, string | number>;
}

/** Missing, in another tenant, or not visible to this role: all answer the same. */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** The role may see the tenant but not do this. */
export class ForbiddenError extends Error {
  constructor(permission: string) {
    super(`not allowed: ${permission}`);
    this.name = "ForbiddenError";
  }
}

/** Someone else saved the record since the form was loaded. */
export class ConflictError extends Error {
  constructor(public readonly current: Record<string, unknown>) {
    super("stale version");
    this.name = "ConflictError";
  }
}

/** Input that passed the schema but breaks a rule only the database can check (a duplicate name). */
export class RuleError extends Error {
  constructor(
    public readonly message: string,
    public readonly fieldErrors: Record<string, MessageRef> = {},
    public readonly values?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "RuleError";
  }
}
