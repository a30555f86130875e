// Runs before `next dev` / `next start`: a ready database on first start, no setup step.
import { openDatabase, targetFromEnv } from "@/db/client";
import { demoSinks } from "@/lib/config/env";
import { runMigrations } from "@/db/migrate";
import { isSeeded, seedDemo } from "@/db/seed/demo";
import { ensureAuthSecretFile } from "@/lib/auth/secret";

ensureAuthSecretFile();
const handle = openDatabase(targetFromEnv(), { maxConnections: 1 });
await runMigrations(handle);
if (!(await isSeeded(handle.db))) {
  console.log("First start: seeding the demo clinics…");
  await seedDemo(handle.db, new Date(), demoSinks());
}
await handle.close();
console.log(`Database ready (${handle.engine}).`);
