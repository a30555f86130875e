import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
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
    // Retired: no new bookings, kept with its history.
    retiredAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.clinicId, t.id),
    foreignKey({ columns: [t.clinicId, t.doctorId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

// An agenda's week: one row per open stretch of a weekday (ISO 1 = Monday … 7 = Sunday), in
// minutes after local midnight; a break is the gap between two stretches. Local clock times,
// so 08:30 stays 08:30 across a daylight-saving change.
export const openingHours = pgTable(
  "opening_hours",
  {
    id: id(),
    clinicId: clinicRef(),
    agendaId: uuid().notNull(),
    weekday: smallint().notNull(),
    opensAt: smallint().notNull(),
    closesAt: smallint().notNull(),
  },
  (t) => [
    index().on(t.clinicId, t.agendaId),
    foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] }).onDelete("cascade"),
    check("opening_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("opening_hours_times", sql`${t.opensAt} >= 0 and ${t.opensAt} < ${t.closesAt} and ${t.closesAt} <= 1440`),
  ],
);

// Days an agenda is closed (a doctor's day off), or the whole clinic when agenda_id is null
// (a public holiday): local dates, first and last day included.
export const closures = pgTable(
  "closures",
  {
    id: id(),
    clinicId: clinicRef(),
    agendaId: uuid(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    reason: text().notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.clinicId, t.startsOn),
    foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] }).onDelete("cascade"),
    check("closures_dates", sql`${t.startsOn} <= ${t.endsOn}`),
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
    // Shown on the agenda views; a hex colour the clinic picks.
    colour: text().notNull().default("#0e7490"),
    // Off: no notification at all for this visit reason, however it was booked, and its
    // appointments are hidden from the patient's list of upcoming appointments.
    notificationsEnabled: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.clinicId, t.id)],
);

// Which visit reasons each agenda offers (a paediatrician's agenda offers no home visit).
export const agendaMotifs = pgTable(
  "agenda_motifs",
  {
    clinicId: uuid().notNull(),
    agendaId: uuid().notNull(),
    motifId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agendaId, t.motifId] }),
    foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.clinicId, t.motifId], foreignColumns: [motifs.clinicId, motifs.id] }).onDelete("cascade"),
  ],
);

export const appointmentStatusEnum = pgEnum("appointment_status", [
  "pending_approval",
  "confirmed",
  "in_waiting_room",
  // In the consulting room: the desk's "with the doctor", between the waiting room and seen.
  "with_doctor",
  "seen",
  "completed",
  "no_show",
  "excused_absence",
  "cancelled",
]);

// Who booked it matters: clinic notification toggles only apply to appointments the practice booked.
export const bookedByEnum = pgEnum("booked_by", ["practice", "patient_online"]);

// A recurring booking (weekly physiotherapy for 10 weeks): each occurrence is its own
// appointment with its own reminders; the series ties them together so that they can be moved
// or cancelled "from this one on". rule: the RFC 5545 recurrence it was booked with.
export const appointmentSeries = pgTable(
  "appointment_series",
  {
    id: id(),
    clinicId: clinicRef(),
    agendaId: uuid().notNull(),
    rule: text().notNull(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.clinicId, t.id), foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] })],
);

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
    // The recurring booking this appointment is one occurrence of, if any.
    seriesId: uuid(),
    // Reception's note for the day list ("bring the X-rays"): staff only, never in a message.
    notes: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.clinicId, t.bookingReference),
    unique().on(t.clinicId, t.id),
    index().on(t.clinicId, t.startsAt),
    index().on(t.clinicId, t.patientId, t.startsAt),
    index().on(t.clinicId, t.agendaId, t.startsAt),
    foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] }),
    foreignKey({ columns: [t.clinicId, t.motifId], foreignColumns: [motifs.clinicId, motifs.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.seriesId], foreignColumns: [appointmentSeries.clinicId, appointmentSeries.id] }),
    index().on(t.seriesId, t.startsAt),
  ],
);

// Time taken out of an agenda's open hours on one day (a meeting, a home visit, 14:00–15:30):
// no slot is offered then, and a booking or move into it is refused unless staff overrule it.
export const blockedPeriods = pgTable(
  "blocked_periods",
  {
    id: id(),
    clinicId: clinicRef(),
    agendaId: uuid().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    reason: text().notNull(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.clinicId, t.agendaId, t.startsAt),
    foreignKey({ columns: [t.clinicId, t.agendaId], foreignColumns: [agendas.clinicId, agendas.id] }).onDelete("cascade"),
    check("blocked_periods_order", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export type Agenda = typeof agendas.$inferSelect;
export type AppointmentSeries = typeof appointmentSeries.$inferSelect;
export type BlockedPeriod = typeof blockedPeriods.$inferSelect;
export type OpeningHours = typeof openingHours.$inferSelect;
export type Closure = typeof closures.$inferSelect;
export type Motif = typeof motifs.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;
export type AppointmentStatus = (typeof appointmentStatusEnum.enumValues)[number];
export type BookedBy = (typeof bookedByEnum.enumValues)[number];
