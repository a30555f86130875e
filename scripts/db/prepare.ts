// Runs before `next dev` (npm run dev) and `next start` (npm start, with --start): a migrated
// database on first start, no setup step. The demo clinics only where db/seed/demo-policy.ts
// says so: a production start never gets them, nor its channels pointed at local sinks,
// unless DEMO_SEED=1 and LOCAL_SINKS=on ask for it.
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { start: { type: "boolean", default: false } } });
// `npm start` serves the production build: decide as the server will run.
if (values.start) Object.assign(process.env, { NODE_ENV: "production" });

const { count } = await import("drizzle-orm");
const { openDatabase, targetFromEnv } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { clinics } = await import("@/db/schema");
const { seedDemo } = await import("@/db/seed/demo");
const { demoSeedDecision } = await import("@/db/seed/demo-policy");
const { demoSinks, env } = await import("@/lib/config/env");
const { ensureAuthSecretFile } = await import("@/lib/auth/secret");

ensureAuthSecretFile();
const handle = openDatabase(targetFromEnv(), { maxConnections: 1 });
await runMigrations(handle);
const [{ n }] = await handle.db.select({ n: count() }).from(clinics);
const decision = demoSeedDecision({ production: env().NODE_ENV === "production", demoSeed: env().DEMO_SEED, clinicCount: n });
if (decision === "seed") {
  console.log("First start: seeding the demo clinics…");
  await seedDemo(handle.db, new Date(), demoSinks());
} else if (decision === "no_clinic_yet") {
  console.log(
    [
      "No clinic yet. Create the first clinic and its admin with:",
      '  npm run clinic:create -- --name "Centre de Santé Example" --time-zone Europe/Paris --country FR --admin-email admin@example.org --admin-name "Ada Admin"',
      "(or start with DEMO_SEED=1 for the demo clinics).",
    ].join("\n"),
  );
}
await handle.close();
console.log(`Database ready (${handle.engine}).`);
