import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, InvalidInputError, type FieldErrors } from "./errors";

export type ErrorBody = { error: { code: string; message: string; fields?: FieldErrors } };

// Field paths are dotted ("reschedule.startsAt"); "_" holds errors about the whole input.
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(`Invalid ${what}.`, fieldErrorsOf(parsed.error));
  return parsed.data;
}

// The single place that turns thrown errors into HTTP answers. Unknown errors are logged
// and answered with a generic 500 so no internals leak to the client.
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields) body.error.fields = error.fields;
    return NextResponse.json(body, { status: error.status });
  }
  console.error(error);
  return NextResponse.json(
    { error: { code: "internal_error", message: "Something went wrong on our side. Try again." } },
    { status: 500 },
  );
}
