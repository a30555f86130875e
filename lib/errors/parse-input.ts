import type { z } from "zod";
import { InvalidInputError, type FieldErrors } from "./app-errors";

// Field paths are dotted ("reschedule.startsAt"); "_" holds errors about the whole input.
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

// Input from outside, parsed at the edge: a 400 naming each wrong field, or the typed value.
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(`Invalid ${what}.`, fieldErrorsOf(parsed.error));
  return parsed.data;
}

// A raw body that was verified before parsing (webhooks, queue messages): undefined when it
// is not JSON, so the schema that follows names what is wrong.
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
