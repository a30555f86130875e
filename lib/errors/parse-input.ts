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

// The same in one line, for a list page whose query string did not parse ("from: must be a date").
export function describeFieldErrors(error: z.ZodError): string {
  return Object.entries(fieldErrorsOf(error))
    .map(([field, errors]) => `${field}: ${errors.join(", ")}`)
    .join(" · ");
}

// Where a NUL character hides in some input (keys included): PostgreSQL cannot store one in
// text, and no clinic text needs one, so it is refused at the edge rather than failing deep inside.
export function nulFields(input: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof input === "string") {
    if (input.includes("\u0000")) found.push(path.length ? path.join(".") : "_");
  } else if (Array.isArray(input)) {
    input.forEach((item, i) => nulFields(item, [...path, String(i)], found));
  } else if (input && typeof input === "object") {
    for (const [key, value] of Object.entries(input)) {
      if (key.includes("\u0000")) found.push([...path, key.replaceAll("\u0000", "\\0")].join("."));
      else nulFields(value, [...path, key], found);
    }
  }
  return found;
}

export const NUL_MESSAGE = "must not contain NUL (\\u0000) characters";

// Input from outside, parsed at the edge: a 400 naming each wrong field, or the typed value.
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const withNul = nulFields(input);
  if (withNul.length)
    throw new InvalidInputError(`Invalid ${what}: text ${NUL_MESSAGE}.`, Object.fromEntries(withNul.map((f) => [f, [NUL_MESSAGE]])));
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
