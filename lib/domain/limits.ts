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

/** One file posted with a form (evidence uploads); an action may set a lower limit of its own. */
export const FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * What a form's text fields may add up to before the browser refuses to send it. Files get
 * their own room below; text stays at about a megabyte because every text field is bounded by
 * its schema far below that, and a refused form echoes its text back (lib/validation/echo.ts),
 * so text counts twice in the next request: once typed, once in the previous form state.
 */
export const FORM_TEXT_LIMIT_BYTES = 1024 * 1024 - 64 * 1024;

/** What a form's fields may add up to, text and files together, before the browser refuses to send it. */
export const FORM_FIELDS_LIMIT_BYTES = 11 * 1024 * 1024;

/**
 * Next's limit on a server action's request body (next.config.ts
 * `experimental.serverActions.bodySizeLimit`, also the proxy's body buffer), as Next counts it:
 * "12mb" is 12 * 1024 * 1024 bytes. The fields' limit plus a megabyte, for what else the body
 * carries: multipart framing, the action's id and the previous form state (at most the echoed text).
 */
export const SERVER_ACTION_BODY_LIMIT = "12mb";
export const SERVER_ACTION_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

/** What a refused form may echo back for a field its schema sets no length for, and how many values of a list. */
export const ECHO_MAX_CHARS = 10_000;
export const ECHO_MAX_ITEMS = 100;
