import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics, staffUsers } from "@/db/schema";

// The one password of every demo account; the demo seed (db/seed) sets it.
export const DEMO_PASSWORD = "demo-clinic-2026";

// Only clinics created by the demo seed are listed; a real clinic's staff never appear here.
export async function listDemoAccounts(db: Database) {
  const rows = await db
    .select({ clinic: clinics.name, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role })
    .from(staffUsers)
    .innerJoin(clinics, eq(clinics.id, staffUsers.clinicId))
    .where(eq(clinics.isDemo, true))
    .orderBy(asc(clinics.name), asc(staffUsers.role));
  const byClinic = new Map<string, typeof rows>();
  for (const row of rows) byClinic.set(row.clinic, [...(byClinic.get(row.clinic) ?? []), row]);
  return { password: DEMO_PASSWORD, clinics: [...byClinic].map(([clinic, accounts]) => ({ clinic, accounts })) };
}
