import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import {
  agendas,
  appointments,
  clinics,
  motifs,
  patients,
  staffUsers,
  type Clinic,
  type NewAppointment,
  type NewPatient,
  type StaffRole,
} from "@/db/schema";
import { ROLE_DEFAULT_PERMISSIONS } from "@/lib/auth/permissions";

// Small builders for tests: each makes one valid row, overrides say what the story needs.
let counter = 0;
const next = () => ++counter;

export async function makeClinic(db: Database, overrides: Partial<typeof clinics.$inferInsert> = {}): Promise<Clinic> {
  const n = next();
  const [row] = await db
    .insert(clinics)
    .values({ slug: `clinic-${n}-${randomUUID().slice(0, 8)}`, name: `Clinic ${n}`, timeZone: "Europe/Paris", country: "FR", ...overrides })
    .returning();
  return row;
}

export async function makeStaff(
  db: Database,
  clinicId: string,
  role: StaffRole,
  overrides: Partial<typeof staffUsers.$inferInsert> = {},
) {
  const n = next();
  const [row] = await db
    .insert(staffUsers)
    .values({
      clinicId,
      role,
      name: `${role} ${n}`,
      email: `${role}-${n}-${randomUUID().slice(0, 8)}@example.test`,
      passwordHash: "not-a-real-hash",
      permissions: [...ROLE_DEFAULT_PERMISSIONS[role]],
      ...overrides,
    })
    .returning();
  return row;
}

export async function makePatient(db: Database, clinicId: string, overrides: Partial<NewPatient> = {}) {
  const n = next();
  const [row] = await db
    .insert(patients)
    .values({ clinicId, firstName: `First${n}`, lastName: `Last${n}`, phone: null, email: null, ...overrides })
    .returning();
  return row;
}

export async function makeAgendaAndMotif(db: Database, clinicId: string) {
  const [agenda] = await db.insert(agendas).values({ clinicId, name: `Agenda ${next()}` }).returning();
  const [motif] = await db.insert(motifs).values({ clinicId, name: `Motif ${next()}`, durationMinutes: 20 }).returning();
  return { agenda, motif };
}

export async function makeAppointment(
  db: Database,
  refs: { clinicId: string; agendaId: string; motifId: string; patientId: string },
  overrides: Partial<NewAppointment> = {},
) {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 24 * 3600_000);
  const [row] = await db
    .insert(appointments)
    .values({
      ...refs,
      bookingReference: `T-${next()}-${randomUUID().slice(0, 6)}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      status: "confirmed",
      ...overrides,
    })
    .returning();
  return row;
}

// What domain functions receive as `ctx` for a staff member of this clinic.
export function contextFor(db: Database, clinic: Clinic) {
  return { db, clinicId: clinic.id, clinic };
}
