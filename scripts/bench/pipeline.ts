import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { makeAgendaAndMotif, makeClinic } from "@/lib/testing/factories";
import { appointments, consentRecords, deliveries, patients } from "@/db/schema";
import { insertInBatches } from "@/db/seed/insert";
import { claimDueEvents, processClaimed } from "@/lib/notifications/events/process-event";
import { storeEvent } from "@/lib/notifications/events/ingest-event";
import { forgetClinicSettings } from "@/lib/notifications/events/clinic-settings";
import { EmbeddedWorker } from "@/lib/notifications/queue/embedded-worker";
import { installClinicNotificationDefaults } from "@/lib/notifications/setup/install-clinic-defaults";
import { pointChannelsAtLocalSinks } from "@/lib/notifications/setup/local-sink-channels";
import { sendDepsFor } from "@/lib/notifications/runtime";
import { peakRssMiB, round, timeIt } from "./stats";
import type { Benchmark } from "./types";

const EVENTS = Number(process.env.BENCH_PIPELINE_EVENTS ?? 10_000);

// The local provider servers in a process of their own, as real providers would be.
export async function startSinkProcess(): Promise<{ url: string; stop: () => void }> {
  // Node itself, not npx: stopping it must not leave an orphan holding our output open.
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/node/server-side.mjs", "--import", "tsx", "scripts/dev/sinks.ts", "--port", "0"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = chunk.toString().match(/SINK_URL=(\S+)/);
      if (m) resolve(m[1]);
    });
    child.once("exit", () => reject(new Error("sink process exited")));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

// 10,000 reminder events for 10,000 patients: decided, rendered, sent over HTTP to the local
// provider servers (WhatsApp template, SMS, email; push skipped for want of a device) and logged.
export const pipelineBenchmark: Benchmark = {
  name: "pipeline",
  description: `${EVENTS} reminder events → decisions, templates, 3 providers over HTTP, delivery log`,
  async run(ctx) {
    const db = ctx.handle.db;
    const sink = await startSinkProcess();
    try {
      const clinic = await makeClinic(db, { name: "Bench clinic", timeZone: "Europe/Paris", country: "FR" });
      await installClinicNotificationDefaults(db, clinic.id);
      await pointChannelsAtLocalSinks(db, clinic, sink.url, "http://localhost:3000");
      forgetClinicSettings(clinic.id);
      const { agenda, motif } = await makeAgendaAndMotif(db, clinic.id);
      const startsAt = new Date(Date.now() + 24 * 3600_000);
      const people = Array.from({ length: EVENTS }, (_, i) => ({
        id: randomUUID(),
        clinicId: clinic.id,
        firstName: `Patient${i}`,
        lastName: "Bench",
        phone: `+336${String(10_000_000 + i).padStart(8, "0")}`,
        email: `patient${i}@example.com`,
        language: "fr" as const,
      }));
      await insertInBatches(db, patients, people);
      await insertInBatches(
        db,
        consentRecords,
        people.map((p) => ({
          clinicId: clinic.id,
          channel: "whatsapp" as const,
          address: p.phone,
          state: "opted_in" as const,
          source: "bench",
        })),
      );
      const bookings = people.map((p, i) => ({
        id: randomUUID(),
        clinicId: clinic.id,
        agendaId: agenda.id,
        motifId: motif.id,
        patientId: p.id,
        bookingReference: `B-${i}`,
        // Half an hour apart: the agenda never holds two appointments at once.
        startsAt: new Date(startsAt.getTime() + i * 30 * 60_000),
        endsAt: new Date(startsAt.getTime() + i * 30 * 60_000 + 20 * 60_000),
        status: "confirmed" as const,
      }));
      await insertInBatches(db, appointments, bookings);
      await db.execute(sql`analyze`);

      const ingest = await timeIt(async () => {
        for (const b of bookings)
          await storeEvent(db, clinic.id, { type: "appointment.reminder", data: { appointmentId: b.id, offset: "24h" } }, "scheduler");
      });

      const deps = { ...sendDepsFor(db), policy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 } };
      const worker = new EmbeddedWorker(
        db,
        { claim: (limit) => claimDueEvents(db, limit, new Date()), process: (claimed) => processClaimed(deps, claimed) },
        { batchSize: 10, consumers: Number(process.env.BENCH_CONSUMERS ?? 4), pollMs: 50 },
      );
      const processing = await timeIt(async () => {
        worker.start();
        await worker.drain();
        await worker.stop();
      });

      const [{ rows }] = await db.select({ rows: count() }).from(deliveries).where(eq(deliveries.clinicId, clinic.id));
      const [{ sent }] = await db
        .select({ sent: count() })
        .from(deliveries)
        .where(sql`${deliveries.clinicId} = ${clinic.id} and ${deliveries.status} = 'sent'`);

      // The floor: the same delivery rows written by plain batched inserts, nothing else.
      const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const logged = (await db.select().from(deliveries).where(eq(deliveries.clinicId, clinic.id))).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [snake(k), v])),
      );
      await db.execute(sql`create table bench_delivery_floor (like deliveries including defaults)`);
      const floor = await timeIt(async () => {
        for (let i = 0; i < logged.length; i += 1000) {
          const batch = logged.slice(i, i + 1000);
          await db.execute(
            sql`insert into bench_delivery_floor select * from json_populate_recordset(null::bench_delivery_floor, ${JSON.stringify(batch)}::json)`,
          );
        }
      });
      await db.execute(sql`drop table bench_delivery_floor`);

      const seconds = processing.ms / 1000;
      return {
        events: EVENTS,
        delivery_rows: rows,
        sent_over_http: sent,
        ingest_events_per_s: Math.round(EVENTS / (ingest.ms / 1000)),
        processing_s: round(seconds, 2),
        events_per_s: Math.round(EVENTS / seconds),
        deliveries_per_s: Math.round(rows / seconds),
        floor_insert_s: round(floor.ms / 1000, 2),
        floor_rows_per_s: Math.round(rows / (floor.ms / 1000)),
        peak_rss_mib: peakRssMiB(),
      };
    } finally {
      sink.stop();
    }
  },
};
