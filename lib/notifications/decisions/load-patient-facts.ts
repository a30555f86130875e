import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { consentRecords, lastInbound, patientDevices, patientUserProfiles, type Patient } from "@/db/schema";
import type { ConsentFacts } from "./channel-availability";
import type { PatientFacts } from "./decide-patient-channels";

export type LoadedFacts = { patient: PatientFacts; consent: ConsentFacts; whatsappLastInboundAt: Date | null };

// Everything about a batch of patients the channel decision needs, in three queries.
export async function loadPatientFacts(db: Database, people: Patient[]): Promise<Map<string, LoadedFacts>> {
  const clinicIds = [...new Set(people.map((p) => p.clinicId))];
  const phones = [...new Set(people.map((p) => p.phone).filter((v): v is string => Boolean(v)))];
  const emails = [...new Set(people.map((p) => p.email?.toLowerCase()).filter((v): v is string => Boolean(v)))];
  const addresses = [...phones, ...emails];

  const [consents, devices, inbound] = await Promise.all([
    addresses.length
      ? db
          .selectDistinctOn([consentRecords.clinicId, consentRecords.channel, consentRecords.address], {
            clinicId: consentRecords.clinicId,
            channel: consentRecords.channel,
            address: consentRecords.address,
            state: consentRecords.state,
          })
          .from(consentRecords)
          .where(and(inArray(consentRecords.clinicId, clinicIds), inArray(consentRecords.address, addresses)))
          .orderBy(consentRecords.clinicId, consentRecords.channel, consentRecords.address, desc(consentRecords.recordedAt))
      : Promise.resolve([]),
    // Devices of every approved account that manages the profile: a parent's phone gets the
    // child's reminders. One row per token: one phone, one alert.
    db
      .selectDistinctOn([patientUserProfiles.patientId, patientDevices.token], {
        patientId: patientUserProfiles.patientId,
        id: patientDevices.id,
        token: patientDevices.token,
      })
      .from(patientDevices)
      .innerJoin(
        patientUserProfiles,
        and(
          eq(patientUserProfiles.patientUserId, patientDevices.patientUserId),
          eq(patientUserProfiles.approved, true),
          eq(patientUserProfiles.clinicId, patientDevices.clinicId),
        ),
      )
      .where(
        and(
          eq(patientDevices.active, true),
          inArray(
            patientUserProfiles.patientId,
            people.map((p) => p.id),
          ),
        ),
      ),
    phones.length
      ? db
          .select({ clinicId: lastInbound.clinicId, address: lastInbound.address, at: lastInbound.at })
          .from(lastInbound)
          .where(and(inArray(lastInbound.clinicId, clinicIds), eq(lastInbound.channel, "whatsapp"), inArray(lastInbound.address, phones)))
      : Promise.resolve([]),
  ]);

  const facts = new Map<string, LoadedFacts>();
  for (const p of people) {
    const state = (channel: string, address: string | null) =>
      address ? consents.find((c) => c.clinicId === p.clinicId && c.channel === channel && c.address === address)?.state : undefined;
    facts.set(p.id, {
      patient: {
        phone: p.phone,
        email: p.email,
        telegramChatId: p.telegramChatId,
        notificationsEnabled: p.notificationsEnabled,
        active: p.active,
        devices: devices.filter((d) => d.patientId === p.id).map(({ id, token }) => ({ id, token })),
      },
      consent: {
        smsOptedOut: state("sms", p.phone) === "opted_out",
        emailSuppressed: state("email", p.email?.toLowerCase() ?? null) === "suppressed",
        whatsappOptedIn: state("whatsapp", p.phone) === "opted_in",
      },
      whatsappLastInboundAt: inbound.find((i) => i.clinicId === p.clinicId && i.address === p.phone)?.at ?? null,
    });
  }
  return facts;
}
