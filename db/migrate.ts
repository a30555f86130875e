import "server-only";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DatabaseHandle } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// The same migrations folder serves both engines; only the migrator differs.
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // Sound: handle.engine says which driver built handle.db (db/client.ts), and each migrator
  // gets the database its own driver made; the shared Database type only hides which.
  if (handle.engine === "postgres") {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, config);
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
  }
}
