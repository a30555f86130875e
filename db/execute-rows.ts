import type { SQL } from "drizzle-orm";
import type { Database } from "./client";

// The rows of a raw statement, whichever engine runs it: postgres.js answers an array,
// PGlite an object holding `rows`.
export async function executeRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
