import { count, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clinics } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { hashPassword } from "@/lib/auth/password";
import { pointChannelsAtLocalSinks } from "@/lib/notifications/setup/local-sink-channels";
import { DEMO_CLINICS, DEMO_PASSWORD, type DemoClinic } from "./demo-clinics";
import { seedClinic, type SeededClinic } from "./seed-clinic";

export async function isSeeded(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(clinics);
  return n > 0;
}

// The demo clinics, with a fixed Faker seed per clinic: the same people and agendas on every
// machine, with appointments laid out around `now`.
// The demo clinics' API keys for POST /api/events: fixed, so the README can show them.
export const demoApiKey = (slug: string) => `cnk_demo_${slug.replace(/-/g, "_")}`;

export type LocalSinks = { sinkUrl: string; appUrl: string };

// With `sinks`, every channel of the demo clinics points at the local provider sinks.
export async function seedDemo(db: Database, now: Date, sinks?: LocalSinks): Promise<SeededClinic[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded: SeededClinic[] = [];
  for (const [index, spec] of DEMO_CLINICS.entries()) {
    const clinic = await seedClinic(db, spec, { now, seed: 1000 + index, passwordHash, isDemo: true });
    await createApiKey(db, clinic.clinicId, "Demo integration", demoApiKey(spec.slug));
    if (sinks) await pointChannelsAtLocalSinks(db, { id: clinic.clinicId, ...spec }, sinks.sinkUrl, sinks.appUrl);
    seeded.push(clinic);
  }
  return seeded;
}

// A large clinic for benchmarks (`npm run db:seed -- --scale 50000`). Its staff sign in
// with the demo password too, but the sign-in page does not list them.
export const SCALE_CLINIC: DemoClinic = {
  ...DEMO_CLINICS[0],
  slug: "scale",
  name: "Centre de Santé Grande Échelle",
  staff: DEMO_CLINICS[0].staff.map((s) => ({ ...s, email: s.email.replace("saint-martin", "scale") })),
};

export async function seedScale(db: Database, patients: number, now: Date): Promise<SeededClinic> {
  // One agenda per ~1,000 appointments over the two months, as a large group practice would have.
  const agendaCount = Math.max(3, Math.ceil((patients * 2) / 1000));
  const agendas = Array.from({ length: agendaCount }, (_, i) => ({
    name: `Agenda ${String(i + 1).padStart(3, "0")}`,
    allowPatientScheduling: i % 2 === 0,
  }));
  const seeded = await seedClinic(
    db,
    { ...SCALE_CLINIC, agendas },
    {
      now,
      seed: 9000,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      isDemo: false,
      patients,
      appointments: patients * 2,
    },
  );
  // Fresh statistics, so the planner picks the trigram index for rare search terms at once.
  await db.execute(sql`analyze`);
  return seeded;
}
