import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deliveries, events, type Delivery, type EventRow } from "@/db/schema";
import { insertRecords } from "@/db/insert-records";
import { deliveryDecisionSchema } from "@/lib/notifications/delivery-decision";
import { recoverInterruptedDeliveries } from "../delivery/recover-interrupted";
import { retryDelayMs, type RetryPolicy } from "../delivery/retry-policy";
import { sendClaimed, sendDeliveries, type SendDeps } from "../delivery/send-delivery";
import { isPatientStoredEvent, isStaffEvent, storedEvent, type StoredEvent } from "@/lib/notifications/event-catalog";
import { settingsOfClinics, type ClinicSettings } from "./clinic-settings";
import type { EventPlan, PlannedDelivery } from "./event-plan";
import { loadPatientBatch, planPatientEvent } from "./plan-patient-event";
import { planHubMessage } from "./plan-hub-message";
import { storeEvents } from "./ingest-event";
import { planStaffEvent } from "../staff-alerts/plan-staff-event";
import { describeError, logError } from "@/lib/errors/log-error";

// How long a worker owns an event; past it, a dead worker's event is claimed again.
export const EVENT_LOCK_MS = 2 * 60_000;
const EVENT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 };

export type ProcessOutcome = "processed" | "already_processed" | "in_progress" | "will_retry" | "failed";

const claimable = (now: Date) =>
  or(eq(events.status, "pending"), and(eq(events.status, "processing"), or(isNull(events.lockedUntil), lt(events.lockedUntil, now))));

const claimSet = (now: Date) => ({
  status: "processing" as const,
  lockedUntil: new Date(now.getTime() + EVENT_LOCK_MS),
  attempts: sql`${events.attempts} + 1`,
});

async function claim(db: Database, ids: string[], now: Date): Promise<EventRow[]> {
  return db
    .update(events)
    .set(claimSet(now))
    .where(and(inArray(events.id, ids), claimable(now)))
    .returning();
}

// The embedded worker's batch: the next due events, claimed in one statement. SKIP LOCKED lets
// several consumers (or processes, on PostgreSQL) take disjoint batches.
export async function claimDueEvents(db: Database, limit: number, now: Date): Promise<EventRow[]> {
  const due = db
    .select({ id: events.id })
    .from(events)
    .where(
      or(
        and(eq(events.status, "pending"), lte(events.nextAttemptAt, now)),
        and(eq(events.status, "processing"), lt(events.lockedUntil, now)),
      ),
    )
    .orderBy(asc(events.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(events)
    .set(claimSet(now))
    .where(and(inArray(events.id, due), claimable(now)))
    .returning();
}

// Topic-style routing: the event type picks the planner. Patient events are planned together
// from facts read once for the batch; a new kind of event is one planner and one line here.
async function planAll(
  db: Database,
  batch: EventRow[],
  settings: Map<string, ClinicSettings>,
  now: Date,
): Promise<Map<string, EventPlan | Error>> {
  const plans = new Map<string, EventPlan | Error>();
  const failed = (id: string, error: unknown) => plans.set(id, error instanceof Error ? error : new Error(String(error)));
  const stored: StoredEvent[] = [];
  for (const row of batch) {
    try {
      stored.push(storedEvent(row));
    } catch (error) {
      failed(row.id, error);
    }
  }
  const patientEvents = stored.filter(isPatientStoredEvent);
  const facts = patientEvents.length ? await loadPatientBatch(db, patientEvents, settings) : null;
  for (const event of stored) {
    try {
      const clinic = settings.get(event.clinicId)!;
      if (isPatientStoredEvent(event)) plans.set(event.id, planPatientEvent(event, facts!, now));
      else if (isStaffEvent(event)) plans.set(event.id, await planStaffEvent(db, event, clinic));
      else plans.set(event.id, await planHubMessage(db, event, clinic, now));
    } catch (error) {
      failed(event.id, error);
    }
  }
  return plans;
}

const DELIVERY_DEFAULTS = {
  address: "",
  deviceId: null,
  skipReason: null,
  decision: null,
  dedupeKey: null,
  language: null,
  templateKey: null,
  subject: null,
  body: null,
  segments: null,
  providerMessageId: null,
  providerErrorCode: null,
  providerError: null,
  attempts: 0,
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  failedAt: null,
  appointmentId: null,
} satisfies Partial<Delivery>;

// Inserting is idempotent (unique keys): rows a previous run inserted stay as they are.
// A reminder SMS refused by the household key becomes a SKIPPED row saying why.
async function recordPlans(db: Database, planned: PlannedDelivery[]): Promise<Delivery[]> {
  // Ids and timestamps are set here, so the insert only has to say which rows it kept. The
  // decision is checked against the sender's contract before it is stored.
  const now = new Date();
  // Object.assign, not spreads: V8 builds a spread of two overlapping objects ~7× slower, and a
  // fan-out to 10,000 phones makes 10,000 of these.
  const rows = planned.map((r) =>
    Object.assign({}, DELIVERY_DEFAULTS as Partial<Delivery>, r, {
      decision: deliveryDecisionSchema.parse(r.decision),
      id: r.id ?? randomUUID(),
      createdAt: now,
      updatedAt: now,
    }),
  );
  const kept = new Set(await insertRecords(db, deliveries, rows, { onConflictDoNothing: true }));
  // As the database has them, generated recipient columns included.
  const inserted = rows
    .filter((r) => kept.has(r.id))
    .map(
      (r) =>
        Object.assign(r, {
          recipientPatientId: r.audience === "patient" ? r.recipientId : null,
          recipientStaffId: r.audience === "staff" ? r.recipientId : null,
        }) as Delivery,
    );
  const keyed = rows.filter(
    (r) => r.dedupeKey && !inserted.some((d) => d.eventId === r.eventId && d.channel === r.channel && d.address === r.address),
  );
  if (!keyed.length) return inserted;
  const existing = await db
    .select({ eventId: deliveries.eventId, address: deliveries.address })
    .from(deliveries)
    .where(
      and(
        inArray(
          deliveries.eventId,
          keyed.map((r) => r.eventId),
        ),
        eq(deliveries.channel, "sms"),
      ),
    );
  const refused = keyed.filter((r) => !existing.some((e) => e.eventId === r.eventId && e.address === r.address));
  if (refused.length) {
    await db
      .insert(deliveries)
      .values(
        refused.map((r) => ({
          ...r,
          status: "skipped" as const,
          attempts: 0,
          skipReason: "household_duplicate_sms",
          dedupeKey: null,
          decision: { reason: "household_duplicate_sms", key: r.dedupeKey },
        })),
      )
      .onConflictDoNothing();
  }
  return inserted;
}

async function markProcessed(db: Database, done: EventRow[], plans: Map<string, EventPlan | Error>, at: Date): Promise<void> {
  if (!done.length) return;
  const rows = done.map((e) => sql`(${e.id}::uuid, ${JSON.stringify((plans.get(e.id) as EventPlan).decisions)}::jsonb)`);
  await db.execute(sql`
    update events as e set status = 'processed', processed_at = ${at.toISOString()}::timestamptz, decisions = v.decisions, locked_until = null, last_error = null
    from (values ${sql.join(rows, sql`, `)}) as v(id, decisions)
    where e.id = v.id`);
}

async function markForRetry(deps: SendDeps, event: EventRow, error: Error, now: Date): Promise<ProcessOutcome> {
  const giveUp = event.attempts >= EVENT_RETRY.maxAttempts;
  logError(`event ${event.id} (${event.type}) failed on attempt ${event.attempts}`, error);
  await deps.db
    .update(events)
    .set({
      status: giveUp ? "failed" : "pending",
      lastError: describeError(error),
      lockedUntil: null,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(event.attempts, EVENT_RETRY, deps.random())),
    })
    .where(eq(events.id, event.id));
  return giveUp ? "failed" : "will_retry";
}

// The queue's handler, for one event or a batch; safe to run any number of times for the same
// ids: the event claim admits one worker at a time, delivery rows are unique, and each send
// claims its row before the provider is called.
export async function processEvents(deps: SendDeps, ids: string[]): Promise<Map<string, ProcessOutcome>> {
  const { db } = deps;
  const outcomes = new Map<string, ProcessOutcome>();
  const claimed = await claim(db, ids, deps.clock());
  const unclaimed = ids.filter((id) => !claimed.some((e) => e.id === id));
  if (unclaimed.length) {
    const current = await db.select({ id: events.id, status: events.status }).from(events).where(inArray(events.id, unclaimed));
    for (const id of unclaimed)
      outcomes.set(id, current.find((c) => c.id === id)?.status === "processing" ? "in_progress" : "already_processed");
  }
  for (const [id, outcome] of await processClaimed(deps, claimed)) outcomes.set(id, outcome);
  return outcomes;
}

// Plans, records and sends a batch of events this worker has claimed.
export async function processClaimed(deps: SendDeps, claimed: EventRow[]): Promise<Map<string, ProcessOutcome>> {
  const { db } = deps;
  const now = deps.clock();
  const outcomes = new Map<string, ProcessOutcome>();
  if (!claimed.length) return outcomes;

  let plans: Map<string, EventPlan | Error>;
  let settings: Map<string, ClinicSettings>;
  try {
    settings = await settingsOfClinics(
      db,
      claimed.map((e) => e.clinicId),
    );
    plans = await planAll(db, claimed, settings, now);
  } catch (error) {
    for (const e of claimed) outcomes.set(e.id, await markForRetry(deps, e, error as Error, now));
    return outcomes;
  }
  const planned = claimed.filter((e) => !(plans.get(e.id) instanceof Error));
  for (const e of claimed.filter((x) => plans.get(x.id) instanceof Error))
    outcomes.set(e.id, await markForRetry(deps, e, plans.get(e.id) as Error, now));

  try {
    // A first run's rows to send are inserted already claimed ("sending", first attempt), or
    // skipped when their channel has no provider: the insert that creates a row is this
    // worker's alone, so no claim statement is needed. A retried event's new rows go in
    // pending, and are claimed with what its first run left.
    const providerFor = (d: Pick<Delivery, "clinicId" | "channel">) => settings.get(d.clinicId)?.providers.get(d.channel);
    const firstRun = new Set(planned.filter((e) => e.attempts <= 1).map((e) => e.id));
    const rows = planned
      .flatMap((e) => (plans.get(e.id) as EventPlan).rows)
      .map((r) => {
        if (r.status !== "pending" || !firstRun.has(r.eventId)) return r;
        return providerFor(r)
          ? Object.assign({}, r, { status: "sending" as const, attempts: 1 })
          : Object.assign({}, r, { status: "skipped" as const, skipReason: "channel_not_enabled" });
      });
    const inserted = await recordPlans(db, rows);
    for (const e of planned) await (plans.get(e.id) as EventPlan).afterRecord?.(db);
    // Raised events have stable ids: a retried event finds them stored and queues any still pending.
    const raised = await storeEvents(
      db,
      planned.flatMap((e) =>
        ((plans.get(e.id) as EventPlan).raises ?? []).map((event) => ({ clinicId: e.clinicId, event, source: "app" as const })),
      ),
    );
    // An event seen before may have deliveries left half-done by a worker that died.
    const retried = planned.filter((e) => e.attempts > 1);
    for (const e of retried) await recoverInterruptedDeliveries(db, e.id, now);
    await sendClaimed(
      deps,
      inserted.filter((d) => d.status === "sending"),
      providerFor,
    );
    if (retried.length) {
      const pending = await db
        .select()
        .from(deliveries)
        .where(
          and(
            inArray(
              deliveries.eventId,
              retried.map((e) => e.id),
            ),
            eq(deliveries.status, "pending"),
          ),
        );
      await sendDeliveries(deps, pending, providerFor);
    }
    await markProcessed(db, planned, plans, deps.clock());
    for (const e of planned) outcomes.set(e.id, "processed");
    const toQueue = raised.filter((r) => r.needsQueue).map((r) => r.id);
    if (toQueue.length) await deps.enqueue?.(toQueue);
  } catch (error) {
    for (const e of planned) outcomes.set(e.id, await markForRetry(deps, e, error as Error, now));
  }
  return outcomes;
}

export async function processEvent(deps: SendDeps, eventId: string): Promise<ProcessOutcome> {
  return (await processEvents(deps, [eventId])).get(eventId)!;
}
