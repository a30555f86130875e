import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";

// Large seeds go in batches: one statement per 1,000 rows keeps under PostgreSQL's
// 65,535-parameter limit and PGlite's memory in check.
export async function insertInBatches<T extends PgTable>(
  db: Database,
  table: T,
  rows: T["$inferInsert"][],
  batchSize = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db.insert(table).values(rows.slice(i, i + batchSize));
  }
}
