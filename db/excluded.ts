import { sql } from "drizzle-orm";

// In an upsert's DO UPDATE: the value the refused insert would have written to `column`
// (its SQL name, snake_case).
export const excluded = (column: string) => sql.raw(`excluded."${column}"`);
