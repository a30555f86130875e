import { boolean, foreignKey, index, integer, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant, updatedAt } from "./columns";
import { patients } from "./patients";
import { staffUsers } from "./staff";

// An agenda is one doctor's (or one room's) calendar.
export const agendas = pgTable(
  "agendas",
  {
    id: id(),
    clinicId: clinicRef(),
    name: text().notNull(),
    doctorId: uuid(),
    // "Allow patients to schedule appointments": the portal offers self-scheduling only here.
    allowPatientScheduling: boolean().notNull().default(false),
    // Per-agenda notification switches (help article: "par agenda"). They apply to appointments
    // the practice booked; appointments the patient booked online still notify.
    notifySms: boolean().notNull().default(true),
    notifyEmail: boolean().notNull().default(true),
    notifyWhatsapp: boolean().notNull().default(true),
    notifyPush: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.clinicId, t.id),
    foreignKey({ columns: [t.clinicId, t.doctorId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

// A motif is a visit reason ("home visit", "follow-up"): notification toggles hang off it later.
export const motifs = pgTable(
  "motifs",
  {
    id: id(),
    clinicId: clinicRef(),
    name: text().notNull(),
    durationMinutes: integer().notNull().default(20),
    // Off: no notification at all for this visit reason, however it was booked, and its
    // appointments are hidden from the patient's list of upcoming appointments.
    notificationsEnabled: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.clinicId, t.id)],
);

export const appointmentStatusEnum = pgEnum("appointment_status", [
  "pending_approval",
  "confirmed",
  "in_waiting_room",
  "seen",
  "completed",
  "no_show",
  "excused_absence",
  "cancelled",
]);

// Who booked it matters: clinic notification toggles only apply to appointments the practice booked.
export const bookedByEnum = pgEnum("booked_by", ["practice", "patient_online"]);

export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    clinicId: clinicRef(),
    agendaId: uuid().notNull(),
    motifId: uuid().notNull(),
    patientId: uuid().notNull(),
    // Human-friendly reference quoted in messages and on the phone.
    bookingReference: text().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    status: appointmentStatusEnum().notNull(),
    bookedBy: bookedByEnum().notNull().default("practice"),
    statusChangedAt: instant().notNull().defaultNow(),
    cancellationReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.clinicId, t.bookingReference),
    index().on(t.clinicId, t.startsAt),
    index().on(t.clinicId, t.patientId, t.startsAt),
    index().on(t.clinicId, t.agendaId, t.startsAt),
    foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] }),
    foreignKey({ columns: [t.clinicId, t.motifId], foreignColumns: [motifs.clinicId, motifs.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
  ],
);

export type Agenda = typeof agendas.$inferSelect;
export type Motif = typeof motifs.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;
export type AppointmentStatus = (typeof appointmentStatusEnum.enumValues)[number];
export type BookedBy = (typeof bookedByEnum.enumValues)[number];
