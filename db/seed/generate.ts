import type { Faker } from "@faker-js/faker";
import { addDays, addMinutes } from "date-fns";
import type { AppointmentStatus, BookedBy, HouseholdRelationship, Language, NewAppointment, NewPatient } from "@/db/schema";
import { toE164Mobile } from "@/lib/patients/phone";
import { openIntervals } from "@/lib/scheduling/free-slots";
import { clinicLocalDate } from "@/lib/time/clinic-time";
import { DEMO_WEEK } from "./demo-week";

// Pure generators of realistic clinic data, shared by the demo seed and the --scale seed.
// They draw only from the given Faker, so a fixed seed gives the same clinic every time.

type ClinicRef = { id: string; country: string; language: Language };

export type GeneratedHousehold = {
  account?: { id: string; email: string; name: string };
  members: { patient: NewPatient & { id: string }; relationship: HouseholdRelationship; approved: boolean }[];
};

function mobile(f: Faker, country: string): string | null {
  const raw =
    country === "FR"
      ? `+33${"6"}${f.string.numeric(8)}`
      : `+1${f.helpers.arrayElement(["212", "347", "646", "917", "718"])}${f.number.int({ min: 200, max: 999 })}${f.string.numeric(4)}`;
  return toE164Mobile(raw, country);
}

function email(f: Faker, firstName: string, lastName: string): string {
  return f.internet
    .email({ firstName, lastName, provider: f.helpers.arrayElement(["example.com", "example.org", "example.net"]) })
    .toLowerCase();
}

function person(f: Faker, clinic: ClinicRef, now: Date, lastName: string, age: { min: number; max: number }) {
  const firstName = f.person.firstName();
  return {
    id: f.string.uuid(),
    clinicId: clinic.id,
    firstName,
    lastName,
    language: clinic.language,
    dateOfBirth: f.date.birthdate({ mode: "age", min: age.min, max: age.max, refDate: now }).toISOString().slice(0, 10),
  };
}

// About a third of patients come as a household: a parent whose account manages one or
// two children. Children share the parent's phone and email, as they do in real records.
// Roughly 12% of adults have no email and 8% no mobile number.
export function generateHousehold(f: Faker, clinic: ClinicRef, now: Date): GeneratedHousehold {
  const lastName = f.person.lastName();
  const adult = person(f, clinic, now, lastName, { min: 18, max: 92 });
  const phone = f.datatype.boolean({ probability: 0.92 }) ? mobile(f, clinic.country) : null;
  const mail = f.datatype.boolean({ probability: 0.88 }) ? email(f, adult.firstName, lastName) : null;
  const parent = { ...adult, phone, email: mail };

  const isFamily = f.datatype.boolean({ probability: 0.3 });
  const children = isFamily
    ? Array.from({ length: f.number.int({ min: 1, max: 2 }) }, () => ({
        ...person(f, clinic, now, lastName, { min: 1, max: 16 }),
        phone,
        email: mail,
      }))
    : [];

  const hasAccount = (isFamily || f.datatype.boolean({ probability: 0.4 })) && mail !== null;
  return {
    account: hasAccount ? { id: f.string.uuid(), email: mail!, name: `${adult.firstName} ${lastName}` } : undefined,
    members: [
      { patient: parent, relationship: "self", approved: true },
      ...children.map((child) => ({
        patient: child,
        relationship: "child" as const,
        // Some links wait for the clinic to approve them.
        approved: f.datatype.boolean({ probability: 0.85 }),
      })),
    ],
  };
}

const earliest = (a: Date, b: Date) => (a < b ? a : b);

type Slot = { agendaId: string; allowPatientScheduling: boolean; startsAt: Date; closesAt: Date };

const CANCELLATION_REASONS = ["Patient request", "Doctor unavailable", "Duplicate booking", "Feeling better"];

function statusFor(f: Faker, startsAt: Date, endsAt: Date, now: Date): AppointmentStatus {
  const pick = (weights: [AppointmentStatus, number][]) =>
    f.helpers.weightedArrayElement(weights.map(([value, weight]) => ({ value, weight })));
  if (endsAt <= now) {
    return pick([
      ["completed", 62],
      ["seen", 8],
      ["no_show", 8],
      ["excused_absence", 6],
      ["cancelled", 12],
      ["confirmed", 4],
    ]);
  }
  // Under way: mostly with the doctor, some still waiting (a late start), a few already seen.
  if (startsAt <= now)
    return pick([
      ["with_doctor", 2],
      ["in_waiting_room", 1],
      ["seen", 1],
    ]);
  if (startsAt.getTime() - now.getTime() < 45 * 60_000)
    return pick([
      ["confirmed", 1],
      ["in_waiting_room", 1],
    ]);
  return pick([
    ["confirmed", 80],
    ["pending_approval", 9],
    ["cancelled", 11],
  ]);
}

// Half-hour starts within each agenda's opening hours (DEMO_WEEK, as seeded), over the 30 days
// either side of `now`; about `target` of them are booked, with statuses that fit their time.
// No two appointments that hold time overlap on an agenda, as the database requires.
export function generateAppointments(
  f: Faker,
  clinic: ClinicRef & { timeZone: string; referencePrefix: string },
  input: {
    agendas: { id: string; allowPatientScheduling: boolean }[];
    motifs: { id: string; durationMinutes: number }[];
    patientIds: string[];
    target: number;
    now: Date;
    days?: number;
  },
): NewAppointment[] {
  const days = input.days ?? 30;
  const slots: Slot[] = [];
  for (let offset = -days; offset <= days; offset++) {
    const localDate = clinicLocalDate(addDays(input.now, offset), clinic.timeZone);
    const open = openIntervals({ timeZone: clinic.timeZone, from: localDate, to: localDate, week: DEMO_WEEK, closures: [] });
    for (const agenda of input.agendas) {
      for (const stretch of open) {
        for (let at = stretch.startsAt; addMinutes(at, 30) <= stretch.endsAt; at = addMinutes(at, 30)) {
          slots.push({
            agendaId: agenda.id,
            allowPatientScheduling: agenda.allowPatientScheduling,
            startsAt: at,
            closesAt: stretch.endsAt,
          });
        }
      }
    }
  }

  const probability = Math.min(1, input.target / slots.length);
  const references = new Set<string>();
  const rows: NewAppointment[] = [];
  const heldUntil = new Map<string, Date>();
  for (const slot of slots) {
    if (!f.datatype.boolean({ probability })) continue;
    const motif = f.helpers.arrayElement(input.motifs);
    const endsAt = addMinutes(slot.startsAt, motif.durationMinutes);
    const held = heldUntil.get(slot.agendaId);
    if (endsAt > slot.closesAt || (held && slot.startsAt < held)) continue;
    const status = statusFor(f, slot.startsAt, endsAt, input.now);
    if (status !== "cancelled") heldUntil.set(slot.agendaId, endsAt);
    let reference: string;
    do reference = `${clinic.referencePrefix}-${f.string.alphanumeric({ length: 6, casing: "upper" })}`;
    while (references.has(reference));
    references.add(reference);
    const bookedBy: BookedBy = slot.allowPatientScheduling && f.datatype.boolean({ probability: 0.35 }) ? "patient_online" : "practice";
    const createdAt = addDays(slot.startsAt, -f.number.int({ min: 1, max: 40 }));
    rows.push({
      id: f.string.uuid(),
      clinicId: clinic.id,
      agendaId: slot.agendaId,
      motifId: motif.id,
      patientId: f.helpers.arrayElement(input.patientIds),
      bookingReference: reference,
      startsAt: slot.startsAt,
      endsAt,
      status,
      bookedBy,
      statusChangedAt: status === "confirmed" || status === "pending_approval" ? createdAt : earliest(endsAt, input.now),
      cancellationReason: status === "cancelled" ? f.helpers.arrayElement(CANCELLATION_REASONS) : null,
      createdAt: earliest(createdAt, input.now),
    });
  }
  return rows;
}
