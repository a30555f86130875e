import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import {
  agendaMotifs,
  agendas,
  appointments,
  clinics,
  motifs,
  openingHours,
  patients,
  staffUsers,
  type Clinic,
  type NewAppointment,
  type NewPatient,
  type StaffRole,
} from "@/db/schema";
import { ROLE_DEFAULT_PERMISSIONS } from "@/lib/auth/permissions";
import type { EventQueue } from "@/lib/notifications/queue/event-queue";
import type { OpenStretch } from "@/lib/scheduling/free-slots";

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

export async function makeStaff(db: Database, clinicId: string, role: StaffRole, overrides: Partial<typeof staffUsers.$inferInsert> = {}) {
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
  const [agenda] = await db
    .insert(agendas)
    .values({ clinicId, name: `Agenda ${next()}` })
    .returning();
  const [motif] = await db
    .insert(motifs)
    .values({ clinicId, name: `Motif ${next()}`, durationMinutes: 20 })
    .returning();
  return { agenda, motif };
}

// An agenda that can be booked: it offers the visit reason and opens on the given week
// (by default Monday to Saturday, 08:00–12:00 and 14:00–18:00).
export async function makeBookableAgenda(db: Database, clinicId: string, options: { week?: OpenStretch[]; durationMinutes?: number } = {}) {
  const week =
    options.week ??
    [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
      { weekday, opensAt: 8 * 60, closesAt: 12 * 60 },
      { weekday, opensAt: 14 * 60, closesAt: 18 * 60 },
    ]);
  const [agenda] = await db
    .insert(agendas)
    .values({ clinicId, name: `Agenda ${next()}` })
    .returning();
  const [motif] = await db
    .insert(motifs)
    .values({ clinicId, name: `Motif ${next()}`, durationMinutes: options.durationMinutes ?? 20 })
    .returning();
  await db.insert(agendaMotifs).values({ clinicId, agendaId: agenda.id, motifId: motif.id });
  await db.insert(openingHours).values(week.map((stretch) => ({ clinicId, agendaId: agenda.id, ...stretch })));
  return { agenda, motif };
}

export async function makeAppointment(
  db: Database,
  refs: { clinicId: string; agendaId: string; motifId: string; patientId: string },
  overrides: Partial<NewAppointment> = {},
) {
  // By default tomorrow, each at its own half hour: the database refuses overlapping appointments.
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 24 * 3600_000 + next() * 30 * 60_000);
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

// The queue a test hands an action: it keeps the ids it was given, in order; the test runs the
// pipeline on them when its story needs the messages.
export function recordingQueue(): EventQueue & { queued: string[] } {
  const queued: string[] = [];
  return { queued, enqueue: async (id) => void queued.push(id), enqueueMany: async (ids) => void queued.push(...ids) };
}

// A whole staff context (who acts, for the audit trail), with the role's permissions.
export async function staffContextFor(db: Database, clinic: Clinic, role: StaffRole = "receptionist") {
  const staff = await makeStaff(db, clinic.id, role);
  return {
    ...contextFor(db, clinic),
    staff: { id: staff.id, name: staff.name, email: staff.email, role: staff.role },
    preferences: { keyboardShortcuts: true },
    permissions: new Set(ROLE_DEFAULT_PERMISSIONS[role]),
    queue: recordingQueue(),
  };
}
