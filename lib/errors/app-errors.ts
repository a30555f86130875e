// Typed errors with a stable code the client can switch on; lib/api/respond.ts maps them to HTTP.
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    // What the client needs to act on the refusal (the records a new patient may duplicate).
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

// code: a more precise one when the client can act on which rule refused (a move outside hours).
export class InvalidInputError extends AppError {
  constructor(message: string, fields: FieldErrors = {}, code = "invalid_input") {
    super(400, code, message, fields);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, "not_found", `${what} not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, fields?: FieldErrors, details?: unknown) {
    super(409, code, message, fields, details);
  }
}

// Too many requests or attempts: the answer carries Retry-After.
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "too_many_requests", message);
  }
}
