import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ttlCache } from "@/lib/cache/ttl-cache";
import { clinics, eventChannelDefaults, messageTemplates, type Channel, type Clinic, type MessageTemplate } from "@/db/schema";
import { clinicProviders, forgetClinicProviders, type ClinicProviders } from "../providers/registry";
import { DEFAULT_EVENT_CHANNELS, type EventType } from "@/lib/notifications/event-catalog";

export type ClinicSettings = ClinicProviders & {
  clinic: Clinic;
  channelsFor: (eventType: string) => Channel[];
  templatesFor: (eventType: string, language: string) => MessageTemplate[];
};

const cache = ttlCache<ClinicSettings>(10_000);

async function load(db: Database, clinicId: string): Promise<ClinicSettings> {
  const [[clinic], defaults, templates, providers] = await Promise.all([
    db.select().from(clinics).where(eq(clinics.id, clinicId)),
    db.select().from(eventChannelDefaults).where(eq(eventChannelDefaults.clinicId, clinicId)),
    db
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.clinicId, clinicId))),
    clinicProviders(db, clinicId),
  ]);
  return {
    ...providers,
    clinic,
    channelsFor: (type) => defaults.find((d) => d.eventType === type)?.channels ?? DEFAULT_EVENT_CHANNELS[type as EventType] ?? [],
    templatesFor: (type, language) => templates.filter((t) => t.eventType === type && t.language === language),
  };
}

// A clinic's notification settings (event channels, templates, providers), read once for
// many events and kept for ten seconds: a change in Settings applies within that, or at once
// where the writer calls forgetClinicSettings.
export function clinicSettings(db: Database, clinicId: string): Promise<ClinicSettings> {
  return cache.get(clinicId, () => load(db, clinicId));
}

export function forgetClinicSettings(clinicId?: string): void {
  cache.forget(clinicId);
  forgetClinicProviders(clinicId);
}

// The settings of every clinic in a batch of events, by clinic id.
export async function settingsOfClinics(db: Database, clinicIds: Iterable<string>): Promise<Map<string, ClinicSettings>> {
  const all = await Promise.all([...new Set(clinicIds)].map((id) => clinicSettings(db, id)));
  return new Map(all.map((s) => [s.clinic.id, s]));
}
