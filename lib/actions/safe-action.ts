// The one wrapper every server action goes through: authenticate, parse with zod, resolve the
// membership from the session (never from a tenant id the client names on its own), call the
// handler, and turn expected errors into values the form can show. A test fails on any
// 'use server' export that was not made here.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser, TenantContext } from "@/lib/data/context";
import { resolveTenantContext } from "@/lib/data/tenants";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { echoValues } from "@/lib/validation/echo";
import { fieldErrorsFrom, formDataToObject } from "@/lib/validation/form";
import type { ActionResult, ActionState } from "./result";

type FormAction<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

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
  call: (input: z.infer<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const raw = formDataToObject(formData);
  // What was typed goes back on failure, cut to what each field allows (lib/validation/echo.ts).
  const echo = () => echoValues(schema, raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, message: { key: "errors.invalidInput" }, fieldErrors: fieldErrorsFrom(parsed.error), values: echo() };
  }
  try {
    const result = await call(parsed.data);
    return result.ok ? result : { ...result, values: echo() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not errors
    return { ...toFailure(error), values: echo() };
  }
}

export function toFailure(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof NotFoundError) return { ok: false, message: { key: "errors.notFound" } };
  if (error instanceof ForbiddenError) return { ok: false, message: { key: "errors.forbidden" } };
  if (error instanceof ConflictError) return { ok: false, message: { key: "errors.conflict" }, current: error.current };
  if (error instanceof RuleError) return { ok: false, message: { key: error.message, values: error.values }, fieldErrors: error.fieldErrors };
  console.error("action failed", error);
  return { ok: false, message: { key: "errors.unexpected" } };
}

/** For sign-in and invitations: no session needed. */
export function publicAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<ActionResult<T>>,
): FormAction<T> {
  return register((_prev, formData) => run(schema, formData, handler));
}

/** Any signed-in person, outside a tenant (language, sign-out, platform administration). */
export function userAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<ActionResult<T>>,
): FormAction<T> {
  return register((_prev, formData) =>
    run(schema, formData, async (input) => {
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
): FormAction<T> {
  return register((_prev, formData) =>
    run(schema, formData, async (input) => {
      const user = await getSessionUser();
      if (!user) return { ok: false, message: { key: "errors.signedOut" } };
      const ctx = await resolveTenantContext(user, input.tenant);
      if (!ctx) return { ok: false, message: { key: "errors.notFound" } };
      return handler(input, ctx);
    }),
  );
}
