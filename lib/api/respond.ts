import { NextResponse } from "next/server";
import { AppError, type FieldErrors } from "@/lib/errors/app-errors";
import { logError } from "@/lib/errors/log-error";

export type ErrorBody = { error: { code: string; message: string; fields?: FieldErrors } };

// The single place that turns thrown errors into HTTP answers. Unknown errors are logged
// and answered with a generic 500 so no internals leak to the client.
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields) body.error.fields = error.fields;
    return NextResponse.json(body, { status: error.status });
  }
  logError("request failed", error);
  return NextResponse.json(
    { error: { code: "internal_error", message: "Something went wrong on our side. Try again." } },
    { status: 500 },
  );
}
