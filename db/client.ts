import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/config/env";
import * as schema from "./schema";

export type Schema = typeof schema;
// Both engines share this type: code above db/ never knows which one it runs on.
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseHandle =
  | { engine: "postgres"; db: Database; close: () => Promise<void>; sql: postgres.Sql }
  | { engine: "pglite"; db: Database; close: () => Promise<void>; pglite: PGlite };

// memory: an in-memory PGlite, optionally started from a snapshot of another's data dir (the
// test suite migrates once and gives each file a copy).
export type DatabaseTarget = { url: string } | { pgliteDir: string } | { memory: true; snapshot?: Blob };

// The two `as unknown as Database` below are sound: each driver's database is a PgDatabase over
// the same schema, differing only in its raw result type (HKT), which code above db/ never reads
// directly (db/execute-rows.ts normalises raw results for both). TypeScript cannot unify the HKTs.
export function openDatabase(target: DatabaseTarget, options: { maxConnections?: number } = {}): DatabaseHandle {
  if ("url" in target) {
    const sql = postgres(target.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" }) as unknown as Database;
    return { engine: "postgres", db, sql, close: () => sql.end({ timeout: 5 }) };
  }
  let dataDir = "memory://";
  if ("pgliteDir" in target) {
    // PGlite does not create parent folders itself.
    mkdirSync(target.pgliteDir, { recursive: true });
    dataDir = target.pgliteDir;
  }
  const snapshot = "snapshot" in target ? target.snapshot : undefined;
  const pglite = new PGlite(dataDir, { extensions: { pg_trgm, btree_gist }, ...(snapshot ? { loadDataDir: snapshot } : {}) });
  const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Database;
  return { engine: "pglite", db, pglite, close: () => pglite.close() };
}

export function targetFromEnv(): DatabaseTarget {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { url: DATABASE_URL } : { pgliteDir: PGLITE_DIR };
}

// One handle per process. PGlite allows a single process per data dir, and dev-mode
// hot reload re-evaluates modules, so the handle lives on globalThis.
const globalForDb = globalThis as typeof globalThis & { __clinicNotifyDb?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.__clinicNotifyDb ??= openDatabase(targetFromEnv());
  return globalForDb.__clinicNotifyDb;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
