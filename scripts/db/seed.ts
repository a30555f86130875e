// npm run db:seed [-- --scale N] — the demo clinics on an empty database; --scale adds a clinic of N patients.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase, targetFromEnv } from "@/db/client";
import { demoSinks } from "@/lib/config/env";
import { runMigrations } from "@/db/migrate";
import { isSeeded, seedDemo, seedScale } from "@/db/seed/demo";

const { values } = parseArgs({ options: { scale: { type: "string" } } });
const scale = z.coerce.number().int().min(1).max(5_000_000).optional().parse(values.scale);

const handle = openDatabase(targetFromEnv(), { maxConnections: 1 });
await runMigrations(handle);
const now = new Date();
if (!(await isSeeded(handle.db))) {
  const clinics = await seedDemo(handle.db, now, demoSinks());
  for (const c of clinics) console.log(`Demo clinic: ${c.patients} patients, ${c.appointments} appointments.`);
} else if (!scale) {
  console.log("Already seeded: nothing to do.");
}
if (scale) {
  const started = performance.now();
  const result = await seedScale(handle.db, scale, now);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Scale clinic: ${result.patients} patients, ${result.appointments} appointments in ${seconds.toFixed(1)} s.`);
}
await handle.close();
