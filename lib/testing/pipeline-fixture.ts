import { eq } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/db/client";
import { makeAgendaAndMotif, makeAppointment, makeClinic, makePatient, recordingQueue } from "@/lib/testing/factories";
import { deliveries, type Clinic, type NewAppointment, type NewPatient } from "@/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { startSinkServer, type SinkServer } from "@/lib/local-sinks/sink-server";
import type { SendDeps } from "@/lib/notifications/delivery/send-delivery";
import type { IncomingEvent } from "@/lib/notifications/event-catalog";
import { ingestEvent } from "@/lib/notifications/events/ingest-event";
import { processEvent } from "@/lib/notifications/events/process-event";
import { closePushApps } from "@/lib/notifications/providers/push-fcm";
import { forgetClinicSettings } from "@/lib/notifications/events/clinic-settings";
import type { EventQueue } from "@/lib/notifications/queue/event-queue";
import { installClinicNotificationDefaults } from "@/lib/notifications/setup/install-clinic-defaults";
import { pointChannelsAtLocalSinks } from "@/lib/notifications/setup/local-sink-channels";

// A clinic wired to local provider sinks, for pipeline tests and benchmarks: real database,
// real adapters, real HTTP. The queue records what it was given; tests run the handler.
export type PipelineFixture = {
  handle: DatabaseHandle;
  db: Database;
  sink: SinkServer;
  clinic: Clinic;
  deps: SendDeps;
  queued: string[];
  queue: EventQueue;
  close: () => Promise<void>;
};

export async function pipelineFixture(options: { handle?: DatabaseHandle } = {}): Promise<PipelineFixture> {
  const handle = options.handle ?? (await createTestDatabase());
  const sink = await startSinkServer();
  const clinic = await makeClinic(handle.db, { name: "Cabinet Test", country: "FR", timeZone: "Europe/Paris" });
  await installClinicNotificationDefaults(handle.db, clinic.id);
  await pointChannelsAtLocalSinks(handle.db, clinic, sink.url, "http://localhost:3000");
  forgetClinicSettings(clinic.id);
  const queue = recordingQueue();
  const queued = queue.queued;
  return {
    handle,
    db: handle.db,
    sink,
    clinic,
    queued,
    queue,
    deps: {
      db: handle.db,
      policy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      random: Math.random,
      clock: () => new Date(),
      enqueue: async (ids) => void queued.push(...ids),
    },
    close: async () => {
      await sink.close();
      await closePushApps();
      if (!options.handle) await handle.close();
    },
  };
}

export async function bookAppointment(f: PipelineFixture, patient: Partial<NewPatient> = {}, appointment: Partial<NewAppointment> = {}) {
  const p = await makePatient(f.db, f.clinic.id, {
    firstName: "Anne",
    lastName: "Roux",
    phone: "+33612345678",
    email: "anne@example.com",
    language: "fr",
    ...patient,
  });
  const { agenda, motif } = await makeAgendaAndMotif(f.db, f.clinic.id);
  const a = await makeAppointment(f.db, { clinicId: f.clinic.id, agendaId: agenda.id, motifId: motif.id, patientId: p.id }, appointment);
  return { patient: p, agenda, motif, appointment: a };
}

// Ingests and processes one event the way the queue would.
export async function publish(f: PipelineFixture, event: IncomingEvent) {
  const ingested = await ingestEvent(f.db, f.queue, f.clinic.id, event, "api");
  if (!ingested.duplicate) await processEvent(f.deps, ingested.id);
  return ingested;
}

export async function deliveriesOf(f: PipelineFixture, eventId: string) {
  const rows = await f.db.select().from(deliveries).where(eq(deliveries.eventId, eventId));
  return Object.fromEntries(rows.map((r) => [`${r.channel}${r.channel === "push" ? `:${r.address}` : ""}`, r]));
}
