// One CSV import in a process of its own, as the server runs it after "Import": prints how
// long it took and the process's peak memory, so the figure is the import's, not the bench's.
// Usage: tsx scripts/bench/run-import-process.ts <staffId> <importId>  (DATABASE_URL, STORAGE_DIR)
import { eq } from "drizzle-orm";
import { openDatabase, targetFromEnv } from "@/db/client";
import { clinics, staffUsers } from "@/db/schema";
import { startImport } from "@/lib/patients/import/process-import";
import { getImport } from "@/lib/patients/import/upload-import";

const [staffId, importId] = process.argv.slice(2);
const handle = openDatabase(targetFromEnv(), { maxConnections: 2 });
// The staff context the route would have (without next-auth, which needs Next's runtime).
const [{ staff, clinic }] = await handle.db
  .select({ staff: staffUsers, clinic: clinics })
  .from(staffUsers)
  .innerJoin(clinics, eq(clinics.id, staffUsers.clinicId))
  .where(eq(staffUsers.id, staffId));
const ctx = { db: handle.db, clinicId: clinic.id, clinic, staff: { id: staff.id, name: staff.name, email: staff.email, role: staff.role } };
const stored = await getImport(ctx, importId);
const started = performance.now();
const { run } = await startImport(ctx, importId, stored.mapping ?? {}, new Date());
await run();
const seconds = (performance.now() - started) / 1000;
await handle.close();
console.log(JSON.stringify({ seconds, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
