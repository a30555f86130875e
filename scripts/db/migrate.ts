// npm run db:migrate — applies db/migrations to DATABASE_URL, or to the embedded PGlite under .data/.
import { openDatabase, targetFromEnv } from "@/db/client";
import { runMigrations } from "@/db/migrate";

const handle = openDatabase(targetFromEnv(), { maxConnections: 1 });
await runMigrations(handle);
await handle.close();
console.log(`Migrated (${handle.engine}).`);
