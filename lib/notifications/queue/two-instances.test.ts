import { spawn, type ChildProcess } from "node:child_process";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { deliveries, deliveryAttempts, events } from "@/db/schema";
import { HubChangeFeed, listenSourceOf, type HubChange } from "@/lib/realtime/hub-changes";
import { bookAppointment, pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { sharedTarget, until, type SharedTarget } from "@/lib/testing/shared-database";
import { ingestEvent } from "../events/ingest-event";
import { EVENT_LOCK_MS, processEvents } from "../events/process-event";

// Two app instances (processes of their own, running the app's embedded worker) on one
// PostgreSQL database. PGlite is one process by design, so this runs on PostgreSQL only.
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

function instance(
  env: Record<string, string>,
  args: string[] = [],
): { child: ChildProcess; ready: Promise<void>; exited: Promise<unknown> } {
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/node/server-side.mjs", "--import", "tsx", "scripts/testing/run-instance.ts", ...args],
    {
      env: { ...process.env, ...env, DELIVERY_RETRY_BASE_MS: "20" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const ready = new Promise<void>((resolve) => child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()));
  const exited = new Promise((r) => child.once("exit", r));
  cleanups.push(async () => {
    child.kill("SIGKILL");
    await exited;
  });
  return { child, ready, exited };
}

describe.runIf(process.env.DATABASE_URL)("two app instances on one PostgreSQL", () => {
  let shared: SharedTarget;
  let handle: DatabaseHandle;
  let f: PipelineFixture;

  it("send nothing twice under duplicate events and concurrent workers, and lose nothing when one is killed mid-send", async () => {
    shared = await sharedTarget();
    cleanups.push(() => shared.cleanup());
    handle = openDatabase(shared.target, { maxConnections: 5 });
    cleanups.push(() => handle.close());
    await runMigrations(handle);
    f = await pipelineFixture({ handle });
    cleanups.push(() => f.close());

    // 60 cancellations of 60 patients, each published twice (a caller retrying).
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const { appointment } = await bookAppointment(
        f,
        { phone: `+336${String(10_000_000 + i)}`, email: `p${i}@example.org` },
        { status: "cancelled" },
      );
      const event = { id: `cancel-${i}`, type: "appointment.cancelled" as const, data: { appointmentId: appointment.id } };
      const first = await ingestEvent(f.db, f.queue, f.clinic.id, event, "api");
      const again = await ingestEvent(f.db, f.queue, f.clinic.id, event, "api");
      expect(again).toEqual({ id: first.id, duplicate: true });
      ids.push(first.id);
    }
    // Some SMS are taken by the provider but answered slowly: the moment to kill an instance.
    f.sink.store.queueFaults(
      "sms",
      Array.from({ length: 10 }, () => ({ status: 201, body: { sid: "SMslow", status: "queued" }, acceptThenHang: true, delayMs: 1500 })),
    );

    const a = instance(shared.env);
    const b = instance(shared.env);
    await Promise.all([a.ready, b.ready]);
    await until(() => f.sink.store.messages.length >= 30, "both instances to be sending");
    a.child.kill("SIGKILL");
    await a.exited;

    // B carries on; the events the dead instance held come back once their lock expires. This
    // process plays B after that expiry (the same processEvents, with the clock moved on).
    // Until the live instance is done: nothing pending, and what is still "processing" no longer
    // moves (the dead instance's claims, which only their lock's expiry frees).
    const inState = async (status: "pending" | "processing") =>
      (
        await handle.db
          .select({ n: count() })
          .from(events)
          .where(and(inArray(events.id, ids), eq(events.status, status)))
      )[0].n;
    let last = -1;
    let steadySince = Date.now();
    await until(
      async () => {
        const [pending, processing] = [await inState("pending"), await inState("processing")];
        if (processing !== last) [last, steadySince] = [processing, Date.now()];
        return pending === 0 && Date.now() - steadySince > 2000;
      },
      "the live instance to finish its share",
      90_000,
    );
    const stuck = await handle.db
      .select({ id: events.id })
      .from(events)
      .where(and(inArray(events.id, ids), eq(events.status, "processing")));
    b.child.kill("SIGKILL");
    await b.exited;
    const later = new Date(Date.now() + EVENT_LOCK_MS + 60_000);
    if (stuck.length)
      await processEvents(
        { ...f.deps, db: handle.db, clock: () => later },
        stuck.map((e) => e.id),
      );
    const all = await handle.db.select().from(events).where(inArray(events.id, ids));
    expect(all.map((e) => e.status)).toEqual(ids.map(() => "processed"));
    const rows = await handle.db.select().from(deliveries).where(inArray(deliveries.eventId, ids));
    // One row per event and channel, every one final.
    expect(new Set(rows.map((r) => `${r.eventId}:${r.channel}`)).size).toBe(rows.length);
    expect(rows.filter((r) => r.status === "pending" || r.status === "sending")).toEqual([]);
    // Nothing reached anyone twice, and every row marked sent really reached the provider.
    const sent = f.sink.store.messages.map((m) => `${m.channel}:${m.to}`);
    expect(sent.length).toBe(new Set(sent).size);
    const received = new Set(f.sink.store.messages.map((m) => m.id));
    expect(rows.filter((r) => r.status === "sent").every((r) => received.has(r.providerMessageId!))).toBe(true);
    // Every row is accounted for: sent, or (taken by the provider as the instance died, the
    // answer lost with it) marked outcome unknown rather than sent again.
    const sends = rows.filter((r) => r.channel !== "whatsapp");
    expect(sends).toHaveLength(120);
    expect(sends.every((r) => r.status === "sent" || r.providerErrorCode === "outcome_unknown")).toBe(true);
    // Only calls the dead instance had started are in doubt (an attempt row is written just
    // before each call); everything it had not yet called was sent by the recovery.
    const unknown = sends.filter((r) => r.providerErrorCode === "outcome_unknown");
    const started = await handle.db
      .select()
      .from(deliveryAttempts)
      .where(inArray(deliveryAttempts.deliveryId, unknown.length ? unknown.map((r) => r.id) : [crypto.randomUUID()]));
    expect(started.map((a) => a.outcome)).toEqual(unknown.map(() => "outcome_unknown"));
    console.log(
      `two instances: the killed one held ${stuck.length} events; ${sends.filter((r) => r.providerErrorCode === "outcome_unknown").length} deliveries outcome unknown (a call under way as it died), ${f.sink.store.messages.length} of 120 messages reached the provider, each once`,
    );
  }, 180_000);

  it("an inbox change written by one instance reaches the live feed of another", async () => {
    const feed = new HubChangeFeed(listenSourceOf(handle));
    const heard: HubChange[] = [];
    await feed.subscribe(f.clinic.id, (c) => heard.push(c));
    const writer = instance(shared.env, ["--inbound", f.clinic.id, "+33610000001", "Bonjour de l'autre instance"]);
    await writer.exited;
    await until(() => heard.length > 0, "the change to cross instances", 10_000);
    expect(heard[0]).toMatchObject({ clinicId: f.clinic.id });
  }, 60_000);
});
