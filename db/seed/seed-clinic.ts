import { Faker, base, en, en_US, fr } from "@faker-js/faker";
import type { Database } from "@/db/client";
import {
  agendaMotifs,
  agendas,
  appointments,
  clinics,
  consentRecords,
  patientDevices,
  motifs,
  openingHours,
  patientUserProfiles,
  patientUsers,
  patients,
  staffUsers,
  type NewPatient,
} from "@/db/schema";
import { ROLE_DEFAULT_PERMISSIONS } from "@/lib/auth/permissions";
import { installClinicNotificationDefaults } from "@/lib/notifications/setup/install-clinic-defaults";
import type { DemoClinic } from "./demo-clinics";
import { DEMO_MOTIF_COLOURS, DEMO_WEEK } from "./demo-week";
import { generateAppointments, generateHousehold } from "./generate";
import { insertInBatches } from "./insert";
import { seedConversations } from "./seed-conversations";
import { seedReminders, withDemoSoonAppointment } from "./seed-reminders";

export type SeedClinicOptions = {
  now: Date;
  seed: number;
  passwordHash: string;
  isDemo: boolean;
  // Overrides the clinic's own sizes (the --scale seed).
  patients?: number;
  appointments?: number;
};

export type SeededClinic = { clinicId: string; patients: number; appointments: number };

// Creates one clinic with its staff, agendas, motifs, households and appointments.
export async function seedClinic(db: Database, spec: DemoClinic, options: SeedClinicOptions): Promise<SeededClinic> {
  const f = new Faker({ locale: spec.fakerLocale === "fr" ? [fr, en, base] : [en_US, en, base] });
  f.seed(options.seed);

  const clinicId = f.string.uuid();
  await db.insert(clinics).values({
    id: clinicId,
    slug: spec.slug,
    name: spec.name,
    timeZone: spec.timeZone,
    country: spec.country,
    defaultLanguage: spec.language,
    isDemo: options.isDemo,
  });

  await installClinicNotificationDefaults(db, clinicId);

  const staffRows = spec.staff.map((s) => ({
    id: f.string.uuid(),
    clinicId,
    name: s.name,
    email: s.email,
    passwordHash: options.passwordHash,
    role: s.role,
    permissions: [...ROLE_DEFAULT_PERMISSIONS[s.role]],
  }));
  await db.insert(staffUsers).values(staffRows);

  const agendaRows = spec.agendas.map((a) => ({
    id: f.string.uuid(),
    clinicId,
    name: a.name,
    doctorId: staffRows.find((s) => s.email === a.doctorEmail)?.id ?? null,
    allowPatientScheduling: a.allowPatientScheduling,
  }));
  await db.insert(agendas).values(agendaRows);
  const motifRows = spec.motifs.map((m, i) => ({
    id: f.string.uuid(),
    clinicId,
    ...m,
    colour: DEMO_MOTIF_COLOURS[i % DEMO_MOTIF_COLOURS.length],
  }));
  await db.insert(motifs).values(motifRows);
  // Every agenda offers every visit reason and opens the demo week.
  await db.insert(agendaMotifs).values(agendaRows.flatMap((a) => motifRows.map((m) => ({ clinicId, agendaId: a.id, motifId: m.id }))));
  await db.insert(openingHours).values(agendaRows.flatMap((a) => DEMO_WEEK.map((stretch) => ({ clinicId, agendaId: a.id, ...stretch }))));

  const clinic = { id: clinicId, country: spec.country, language: spec.language };
  const patientRows: NewPatient[] = [];
  const accountRows: (typeof patientUsers.$inferInsert)[] = [];
  const linkRows: (typeof patientUserProfiles.$inferInsert)[] = [];
  const accountEmails = new Set<string>();
  const patientTarget = options.patients ?? spec.patients;
  while (patientRows.length < patientTarget) {
    const household = generateHousehold(f, clinic, options.now);
    patientRows.push(...household.members.map((m) => m.patient));
    const account = household.account;
    if (!account || accountEmails.has(account.email)) continue;
    accountEmails.add(account.email);
    // Demo portal accounts sign in to the patient apps with the demo password too.
    accountRows.push({ ...account, clinicId, passwordHash: options.isDemo ? options.passwordHash : null });
    linkRows.push(
      ...household.members.map((m) => ({
        clinicId,
        patientUserId: account.id,
        patientId: m.patient.id,
        relationship: m.relationship,
        approved: m.approved,
      })),
    );
  }
  await insertInBatches(db, patients, patientRows);
  await insertInBatches(db, patientUsers, accountRows);
  await insertInBatches(db, patientUserProfiles, linkRows);

  // Half of the portal accounts have the app on a phone; most mobile numbers accepted WhatsApp.
  const devices = accountRows
    .filter(() => f.datatype.boolean({ probability: 0.5 }))
    .map((a) => ({
      clinicId,
      patientUserId: a.id!,
      token: `demo-fcm-${f.string.alphanumeric(32)}`,
      platform: f.helpers.arrayElement(["ios", "android"] as const),
    }));
  await insertInBatches(db, patientDevices, devices);
  const phones = [...new Set(patientRows.map((p) => p.phone).filter((p): p is string => Boolean(p)))];
  const whatsappPhones = new Set(phones.filter(() => f.datatype.boolean({ probability: 0.6 })));
  await insertInBatches(
    db,
    consentRecords,
    [...whatsappPhones].map((address) => ({
      clinicId,
      channel: "whatsapp" as const,
      address,
      state: "opted_in" as const,
      source: "import",
      recordedAt: options.now,
    })),
  );

  let appointmentRows = generateAppointments(
    f,
    { ...clinic, timeZone: spec.timeZone, referencePrefix: spec.slug.slice(0, 2).toUpperCase() },
    {
      agendas: agendaRows,
      motifs: motifRows,
      patientIds: patientRows.map((p) => p.id!),
      target: options.appointments ?? spec.appointments,
      now: options.now,
    },
  );
  if (options.isDemo) {
    // One appointment starting soon, so a reminder arrives minutes after `npm run dev`.
    const withApp = new Set(devices.map((d) => d.patientUserId));
    const reachable = linkRows.find(
      (l) => l.approved && withApp.has(l.patientUserId) && whatsappPhones.has(patientRows.find((p) => p.id === l.patientId)?.phone ?? ""),
    );
    if (reachable) {
      const soon = {
        id: f.string.uuid(),
        clinicId,
        agendaId: agendaRows[agendaRows.length - 1].id,
        motifId: motifRows[0].id,
        patientId: reachable.patientId,
        bookingReference: `${spec.slug.slice(0, 2).toUpperCase()}-SOON01`,
        bookedBy: "practice" as const,
      };
      appointmentRows = withDemoSoonAppointment(appointmentRows, soon, options.now);
    }
  }
  await insertInBatches(db, appointments, appointmentRows);
  if (options.isDemo) {
    await seedReminders(db, { id: clinicId, timeZone: spec.timeZone }, appointmentRows, options.now);
    await seedConversations(db, f, clinicId, spec.language, patientRows, options.now);
  }
  return { clinicId, patients: patientRows.length, appointments: appointmentRows.length };
}
