// The answers every route handler shares: JSON errors with a fixed code, never a message from the
// error itself, and never cached (tenant data; a shared cache must not keep one person's answer).
import "server-only";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";

export type ApiErrorCode = "unauthorized" | "forbidden" | "not_found" | "invalid" | "conflict" | "internal";

const NO_STORE = "no-store";

export function apiError(status: number, error: ApiErrorCode, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "cache-control": NO_STORE } });
}

/**
 * The response with `Cache-Control: no-store`, whatever the handler set. Responses made by
 * Response.redirect() or fetch() have read-only headers, so those are copied first.
 */
export function noStore(response: Response): Response {
  try {
    response.headers.set("cache-control", NO_STORE);
    return response;
  } catch {
    const copy = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    copy.headers.set("cache-control", NO_STORE);
    return copy;
  }
}

/**
 * A thrown error as an answer. Expected errors of the data layer have their status; anything
 * else is logged by name and message only (never the request, its body or its headers, which
 * may hold tokens) and answered 500 with no detail.
 */
export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof NotFoundError) return apiError(404, "not_found");
  if (error instanceof ForbiddenError) return apiError(403, "forbidden");
  if (error instanceof RuleError) {
    // Translation keys and their values, as the action wrapper returns them; no database text.
    return apiError(422, "invalid", {
      message: { key: error.message, values: error.values },
      fieldErrors: error.fieldErrors,
    });
  }
  // The record as saved by someone else stays out: an API client reads it again with GET.
  if (error instanceof ConflictError) return apiError(409, "conflict");
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : "";
  console.error(`route handler failed: ${request.method} ${name}: ${message}`);
  return apiError(500, "internal");
}
