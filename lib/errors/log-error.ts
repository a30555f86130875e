// What an error may say in a log line or an error column: its kind and a message with no
// data in it. A database error's message carries the query's bound values (a patient's
// message, an address) and its detail the offending key; neither leaves the process.
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return "non-Error thrown";
  const cause = error.cause instanceof Error ? error.cause : null;
  // drizzle's DrizzleQueryError (query + params) wraps the driver's error, which says what went wrong.
  const isQueryError = "query" in error && "params" in error;
  const source = isQueryError && cause ? cause : error;
  const code = (source as { code?: unknown }).code;
  // "Failed query: … params: …" is all data; a PostgreSQL message names the constraint, not the row.
  const message = source.message.startsWith("Failed query:") ? "query failed" : source.message.split("\nparams:")[0];
  return `${source.name}${typeof code === "string" ? ` [${code}]` : ""}: ${message.slice(0, 300)}`;
}

// The first frames of the stack, without the message it starts with (which may span lines).
function frames(error: unknown): string {
  if (!(error instanceof Error) || !error.stack) return "";
  return error.stack
    .split("\n")
    .filter((line) => line.startsWith("    at "))
    .slice(0, 5)
    .join("\n");
}

export function logError(context: string, error: unknown): void {
  console.error(`${context}: ${describeError(error)}\n${frames(error)}`);
}
