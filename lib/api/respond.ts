import { NextResponse } from "next/server";
import { AppError, TooManyRequestsError, type FieldErrors } from "@/lib/errors/app-errors";
import { logError } from "@/lib/errors/log-error";
import { securityHeadersFromEnv } from "@/lib/security/headers";

// Also set by the proxy; set by the route wrappers too for the routes the proxy does not see
// (uploads, the patient apps' API).
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(securityHeadersFromEnv())) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

export type ErrorBody = { error: { code: string; message: string; fields?: FieldErrors; details?: unknown } };

// The single place that turns thrown errors into HTTP answers. Unknown errors are logged
// and answered with a generic 500 so no internals leak to the client.
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields) body.error.fields = error.fields;
    if (error.details !== undefined) body.error.details = error.details;
    const headers = error instanceof TooManyRequestsError ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
    return NextResponse.json(body, { status: error.status, headers });
  }
  logError("request failed", error);
  return NextResponse.json({ error: { code: "internal_error", message: "Something went wrong on our side. Try again." } }, { status: 500 });
}
