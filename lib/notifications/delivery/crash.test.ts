import { spawn, type ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { ingestEvent } from "../events/ingest-event";
import { processEvent } from "../events/process-event";
import { bookAppointment, pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import { sharedTarget, until } from "@/lib/testing/shared-database";

// The worker really dies (SIGKILL) in the middle of a send, in a process of its own; a new
// worker then recovers the event, on a database both processes can open.
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function crashScenario(
  childEnv: Record<string, string>,
  arrange: (f: PipelineFixture) => void,
  killWhen: (f: PipelineFixture) => boolean,
  settleMs = 0,
) {
  const shared = await sharedTarget();
  cleanups.push(shared.cleanup);
  let handle: DatabaseHandle = openDatabase(shared.target);
  await runMigrations(handle);
  const f = await pipelineFixture({ handle });
  cleanups.push(() => f.close());
  const { appointment } = await bookAppointment(f, { email: null }, { status: "cancelled" });
  const { id } = await ingestEvent(
    f.db,
    f.queue,
    f.clinic.id,
    { type: "appointment.cancelled", data: { appointmentId: appointment.id } },
    "api",
  );
  arrange(f);

  // PGlite allows one process per folder: hand the database over to the worker.
  if (handle.engine === "pglite") await handle.close();
  // Node itself (not npx): the signal must reach the worker, not a wrapper around it.
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "./scripts/node/server-side.mjs", "--import", "tsx", "scripts/testing/process-event-once.ts", id],
    {
      env: { ...process.env, ...shared.env, ...childEnv },
      stdio: "ignore",
    },
  );
  const exited = new Promise((r) => child.once("exit", r));
  await until(() => killWhen(f), "the worker to reach the provider");
  // Time for the worker to record the provider's answer before it dies, where the story needs it.
  await new Promise((r) => setTimeout(r, settleMs));
  child.kill("SIGKILL");
  await exited;

  if (handle.engine === "pglite") {
    handle = openDatabase(shared.target);
    cleanups.push(() => handle.close());
  }
  // A new worker, once the dead one's lock has expired.
  const later = new Date(Date.now() + 3 * 60_000);
  const outcome = await processEvent({ ...f.deps, db: handle.db, clock: () => later }, id);
  const [sms] = await handle.db
    .select()
    .from(deliveries)
    .where(eq(deliveries.eventId, id))
    .then((rows) => rows.filter((r) => r.channel === "sms"));
  const attempts = await handle.db
    .select()
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.deliveryId, sms.id))
    .orderBy(deliveryAttempts.attempt);
  return { f, outcome, sms, attempts };
}

describe("a worker that dies mid-send", () => {
  it("after the provider accepted the SMS: it is not sent again, and the delivery says the outcome is unknown", async () => {
    const { f, outcome, sms, attempts } = await crashScenario(
      {},
      (f) => f.sink.store.queueFaults("sms", [{ status: 201, body: {}, acceptThenHang: true, delayMs: 120_000 }]),
      (f) => f.sink.store.messages.some((m) => m.channel === "sms"),
    );
    expect(outcome).toBe("processed");
    expect(f.sink.store.messages.filter((m) => m.channel === "sms")).toHaveLength(1);
    expect(sms).toMatchObject({ status: "failed", providerErrorCode: "outcome_unknown" });
    expect(attempts.map((a) => a.outcome)).toEqual(["outcome_unknown"]);
  }, 120_000);

  it("while waiting to retry after a 500: the provider never took it, so the recovering worker sends it once", async () => {
    const { f, outcome, sms, attempts } = await crashScenario(
      { DELIVERY_RETRY_BASE_MS: "60000" },
      (f) => f.sink.store.queueFaults("sms", [{ status: 500, body: { message: "down" } }]),
      (f) => (f.sink.store.calls.get("sms") ?? 0) >= 1,
      2000,
    );
    expect(outcome).toBe("processed");
    expect(sms).toMatchObject({ status: "sent", attempts: 2 });
    expect(attempts.map((a) => a.outcome)).toEqual(["transient_error", "accepted"]);
    expect(f.sink.store.messages.filter((m) => m.channel === "sms")).toHaveLength(1);
  }, 120_000);
});
