// Every bound a request is held to, in one place. Numbers come from the database columns
// (prisma/schema.prisma): a value the column cannot hold must be refused by the form's schema
// with a message, never reach the database and come back as "unexpected error".
// Pure constants: next.config.ts, the browser and the server all read them.

/** Prisma `Int` is PostgreSQL int4. */
export const INT4_MAX = 2_147_483_647;

/** Versions start at 1 and are bumped by every write; stored as Int. */
export const VERSION_MIN = 1;
export const VERSION_MAX = INT4_MAX;

/** Activity.percentComplete (Int), a share of the work done. */
export const PERCENT_MIN = 0;
export const PERCENT_MAX = 100;

/** Indicator.baselineYear / targetYear (Int): a plausible calendar year. */
export const YEAR_MIN = 1950;
export const YEAR_MAX = 2100;

/** Budgets, baselines, targets, values: @db.Decimal(14, 2), so 12 digits before the point and 2 after. */
export const AMOUNT_PRECISION = 14;
export const AMOUNT_SCALE = 2;
export const AMOUNT_INTEGER_DIGITS = AMOUNT_PRECISION - AMOUNT_SCALE;
export const AMOUNT_MAX = "999999999999.99";

/**
 * Next's limit on a server action's request body (next.config.ts
 * `experimental.serverActions.bodySizeLimit`), as Next counts it: "1mb" is 1024 * 1024 bytes.
 */
export const SERVER_ACTION_BODY_LIMIT = "1mb";
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * What a form's own fields may add up to before the browser refuses to send it. The body also
 * carries multipart boundaries, the action's id and the previous form state, so the fields get
 * less than the whole limit.
 */
export const FORM_FIELDS_LIMIT_BYTES = SERVER_ACTION_BODY_LIMIT_BYTES - 64 * 1024;

/** What a refused form may echo back for a field its schema sets no length for, and how many values of a list. */
export const ECHO_MAX_CHARS = 10_000;
export const ECHO_MAX_ITEMS = 100;
