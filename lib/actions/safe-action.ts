// The one wrapper every server action goes through: authenticate, parse with zod, resolve the
// membership from the session (never from a tenant id the client names on its own), call the
// handler, and turn expected errors into values the form can show. A form that fails its schema
// still hears from the data layer's rules on the fields that parsed (rulesWhenInvalid). A test fails on any
// 'use server' export that was not made here. Files come through too (evidence uploads): each is
// held to a size limit before anything is parsed, and none is ever echoed back.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "@/lib/validation/zod";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser, TenantContext } from "@/lib/data/context";
import { resolveTenantContext } from "@/lib/data/tenants";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { FILE_MAX_BYTES } from "@/lib/domain/limits";
import { echoValues } from "@/lib/validation/echo";
import { isFile, megabytes } from "@/lib/validation/files";
import { fieldErrorsFrom, formDataToObject } from "@/lib/validation/form";
import { fieldsThatParse } from "@/lib/validation/rules";
import type { ActionResult, ActionState } from "./result";

type FormAction<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

export interface ActionOptions {
  /** The largest file any field may carry; default FILE_MAX_BYTES. Next's body limit bounds it from above. */
  maxFileBytes?: number;
}

/** Field errors the rules that read other rows find in the fields that parsed (see TenantActionOptions). */
type PartialCheck = (partial: Record<string, unknown>) => Promise<Record<string, MessageRef>>;

export interface TenantActionOptions extends ActionOptions {
  /**
   * When the form fails its schema, the data layer's rules (a code taken, an unknown agency) still
   * check the fields that parsed on their own, and their errors join zod's in the same answer: a
   * form never reports its problems in waves. Only for this person's own tenant and role; any
   * refusal there adds nothing (the handler, never reached, would have answered it).
   */
  rulesWhenInvalid?: (partial: Record<string, unknown>, ctx: TenantContext) => Promise<Record<string, MessageRef>>;
}

const wrapped = new WeakSet<object>();

/** True for functions made by this module: the check the action-scan test runs. */
export function isWrappedAction(fn: unknown): boolean {
  return typeof fn === "function" && wrapped.has(fn);
}

function register<T>(fn: FormAction<T>): FormAction<T> {
  wrapped.add(fn);
  return fn;
}

async function run<S extends z.ZodType, T>(
  schema: S,
  formData: FormData,
  options: ActionOptions,
  call: (input: z.infer<S>) => Promise<ActionResult<T>>,
  whenInvalid?: PartialCheck,
): Promise<ActionResult<T>> {
  const raw = formDataToObject(formData);
  // What was typed goes back on failure, cut to what each field allows (lib/validation/echo.ts);
  // echoValues keeps text only, so a file never travels back to the browser.
  const echo = () => echoValues(schema, raw);
  const oversized = oversizedFiles(formData, options.maxFileBytes ?? FILE_MAX_BYTES);
  if (oversized) return { ok: false, message: { key: "errors.invalidInput" }, fieldErrors: oversized, values: echo() };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFrom(parsed.error);
    // The schema's own error on a field comes first; a rule's error fills the fields it left alone.
    const more = whenInvalid ? await rulesOrNothing(() => whenInvalid(fieldsThatParse(schema, raw))) : {};
    return {
      ok: false,
      message: { key: "errors.invalidInput" },
      fieldErrors: { ...more, ...fieldErrors },
      values: echo(),
    };
  }
  try {
    const result = await call(parsed.data);
    return result.ok ? result : { ...result, values: echo() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not errors
    return { ...toFailure(error), values: echo() };
  }
}

async function rulesOrNothing(check: () => Promise<Record<string, MessageRef>>): Promise<Record<string, MessageRef>> {
  try {
    return await check();
  } catch (error) {
    // Not found or not allowed: the form's answer stays the schema's. Anything else is a bug worth a log line.
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof RuleError))
      console.error("rule check failed", error);
    return {};
  }
}

/**
 * A field error on each field (named as posted, as zod names it) holding a file over the limit;
 * null when there is none. Checked on the FormData itself, before any parsing or handler runs.
 */
function oversizedFiles(formData: FormData, maxBytes: number): Record<string, MessageRef> | null {
  let errors: Record<string, MessageRef> | null = null;
  for (const [key, value] of formData.entries()) {
    if (!isFile(value) || value.size <= maxBytes) continue;
    errors ??= {};
    errors[key] = { key: "limits.fileTooLarge", values: { max: megabytes(maxBytes) } };
  }
  return errors;
}

export function toFailure(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof NotFoundError) return { ok: false, message: { key: "errors.notFound" } };
  if (error instanceof ForbiddenError) return { ok: false, message: { key: "errors.forbidden" } };
  if (error instanceof ConflictError) return { ok: false, message: { key: "errors.conflict" }, current: error.current };
  if (error instanceof RuleError)
    return { ok: false, message: { key: error.message, values: error.values }, fieldErrors: error.fieldErrors };
  console.error("action failed", error);
  return { ok: false, message: { key: "errors.unexpected" } };
}

/** For sign-in and invitations: no session needed. */
export function publicAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<ActionResult<T>>,
  options: ActionOptions = {},
): FormAction<T> {
  return register((_prev, formData) => run(schema, formData, options, handler));
}

/** Any signed-in person, outside a tenant (language, sign-out, platform administration). */
export function userAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<ActionResult<T>>,
  options: ActionOptions = {},
): FormAction<T> {
  return register((_prev, formData) =>
    run(schema, formData, options, async (input) => {
      const user = await getSessionUser();
      if (!user) return { ok: false, message: { key: "errors.signedOut" } };
      return handler(input, user);
    }),
  );
}

/**
 * Inside a tenant. The form names the tenant by slug; the context comes from this person's own
 * membership there, so naming another tenant yields "not found". Handlers scope every query
 * by ctx.tenant.id, and the data layer checks the role.
 */
export function tenantAction<S extends z.ZodType<{ tenant: string }>, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>, ctx: TenantContext) => Promise<ActionResult<T>>,
  options: TenantActionOptions = {},
): FormAction<T> {
  const { rulesWhenInvalid } = options;
  const whenInvalid: PartialCheck | undefined =
    rulesWhenInvalid &&
    (async (partial) => {
      const user = await getSessionUser();
      if (!user || typeof partial.tenant !== "string") return {};
      const ctx = await resolveTenantContext(user, partial.tenant);
      return ctx ? rulesWhenInvalid(partial, ctx) : {};
    });
  return register((_prev, formData) =>
    run(
      schema,
      formData,
      options,
      async (input) => {
        const user = await getSessionUser();
        if (!user) return { ok: false, message: { key: "errors.signedOut" } };
        const ctx = await resolveTenantContext(user, input.tenant);
        if (!ctx) return { ok: false, message: { key: "errors.notFound" } };
        return handler(input, ctx);
      },
      whenInvalid,
    ),
  );
}
