import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { anyOf } from "@/db/any-of";
import { deliveries, deliveryAttempts, type Delivery } from "@/db/schema";
import type { ChannelProvider, OutboundMessage, SendOutcome } from "../providers/types";
import { announceDeliveryChanges } from "@/lib/realtime/hub-changes";
import { HUB_MESSAGE_EVENT } from "@/lib/notifications/event-catalog";
import { learnFromPermanentFailure } from "./dead-addresses";
import { outboundMessageFor, webPushKeysFor } from "./outbound-message";
import { retryDelayMs, type RetryPolicy } from "./retry-policy";

export type SendDeps = {
  db: Database;
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  clock: () => Date;
  // Queues events the processing raised (staff alerts); without it the worker's poll finds them.
  enqueue?: (eventIds: string[]) => Promise<void>;
};

// Provider calls in flight at once: enough to hide HTTP latency, few enough to stay polite to
// providers. They start a slice at a time (see sendDeliveries).
const SEND_CONCURRENCY = 64;
const SLICE = 32;

async function callProvider(
  provider: ChannelProvider,
  message: OutboundMessage,
  prepared?: () => Promise<SendOutcome>,
): Promise<SendOutcome> {
  try {
    return await (prepared ? prepared() : provider.send(message));
  } catch (error) {
    // An adapter bug or an SDK throwing something unexpected: treated as worth one more try.
    return { ok: false, kind: "transient", code: "exception", message: error instanceof Error ? error.message : String(error) };
  }
}

type Accepted = { delivery: Delivery; attemptId: string; providerMessageId: string; at: Date };

// Claimed deliveries grouped by provider, cut in slices: a batch provider's batch size, else
// SLICE.
function* slicesByProvider(claimed: Delivery[], providerFor: (d: Delivery) => ChannelProvider | undefined) {
  const groups = new Map<ChannelProvider, Delivery[]>();
  for (const d of claimed) {
    const provider = providerFor(d)!;
    const group = groups.get(provider);
    if (group) group.push(d);
    else groups.set(provider, [d]);
  }
  for (const [provider, group] of groups) {
    const size = provider.sendBatch ? (provider.maxBatch ?? SLICE) : SLICE;
    for (let i = 0; i < group.length; i += size) yield { provider, slice: group.slice(i, i + size) };
  }
}

// One batch call; a throw is every message's outcome, worth one more try each.
async function callBatch(provider: ChannelProvider, messages: OutboundMessage[]): Promise<SendOutcome[]> {
  try {
    return await provider.sendBatch!(messages);
  } catch (error) {
    const outcome: SendOutcome = {
      ok: false,
      kind: "transient",
      code: "exception",
      message: error instanceof Error ? error.message : String(error),
    };
    return messages.map(() => outcome);
  }
}

// A provider's prepare step, if it has one; a throw becomes the call's outcome (see callProvider).
function prepareCall(provider: ChannelProvider, message: OutboundMessage): (() => Promise<SendOutcome>) | undefined {
  if (!provider.prepare) return undefined;
  try {
    return provider.prepare(message);
  } catch (error) {
    return async () => {
      throw error;
    };
  }
}

// Successful first attempts are recorded in two statements for the whole batch, each taking
// its rows as arrays (unnest): one short statement however many thousands there are.
async function recordAccepted(db: Database, accepted: Accepted[]) {
  if (!accepted.length) return;
  const at = accepted.map((a) => a.at.toISOString());
  await db.execute(sql`
    update deliveries as d set
      status = case when d.status = 'sending' then 'sent'::delivery_status else d.status end,
      provider_message_id = v.pmid, sent_at = v.at, provider_error_code = null, provider_error = null, updated_at = now()
    from unnest(${sql.param(accepted.map((a) => a.delivery.id))}::uuid[], ${sql.param(accepted.map((a) => a.providerMessageId))}::text[], ${sql.param(at)}::text[]::timestamptz[]) as v(id, pmid, at)
    where d.id = v.id`);
  await db.execute(sql`
    update delivery_attempts as a set outcome = 'accepted', finished_at = v.at
    from unnest(${sql.param(accepted.map((a) => a.attemptId))}::uuid[], ${sql.param(at)}::text[]::timestamptz[]) as v(id, at)
    where a.id = v.id`);
}

// The attempt rows of a slice of claimed deliveries, written in one statement just before
// their calls start.
async function startAttempts(db: Database, slice: Delivery[], startedAt: Date): Promise<string[]> {
  const ids = slice.map(() => randomUUID());
  await db.execute(sql`
    insert into delivery_attempts (id, delivery_id, attempt, started_at)
    select id, d, n, ${startedAt.toISOString()}::timestamptz
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(slice.map((d) => d.id))}::uuid[], ${sql.param(slice.map((d) => d.attempts))}::int[]) as t(id, d, n)`);
  return ids;
}

// One failed attempt: record it, then retry transient errors with backoff until the limit.
// Every attempt row is written before its provider call, so a crash mid-call leaves evidence.
async function retryUntilDone(
  deps: SendDeps,
  delivery: Delivery,
  provider: ChannelProvider,
  message: OutboundMessage,
  first: { attempt: number; attemptId: string; outcome: SendOutcome },
) {
  const { db } = deps;
  let { attempt, attemptId, outcome } = first;
  for (;;) {
    const finishedAt = deps.clock();
    await db
      .update(deliveryAttempts)
      .set({
        outcome: outcome.ok ? "accepted" : outcome.kind === "transient" ? "transient_error" : "permanent_error",
        errorCode: outcome.ok ? null : outcome.code,
        error: outcome.ok ? null : outcome.message.slice(0, 1000),
        finishedAt,
      })
      .where(eq(deliveryAttempts.id, attemptId));
    if (outcome.ok) {
      await db
        .update(deliveries)
        .set({
          status: sql`case when ${deliveries.status} = 'sending' then 'sent'::delivery_status else ${deliveries.status} end`,
          providerMessageId: outcome.providerMessageId,
          attempts: attempt,
          sentAt: finishedAt,
          providerErrorCode: null,
          providerError: null,
        })
        .where(eq(deliveries.id, delivery.id));
      return;
    }
    const giveUp = outcome.kind === "permanent" || attempt >= deps.policy.maxAttempts;
    await db
      .update(deliveries)
      .set({
        attempts: attempt,
        providerErrorCode: outcome.code,
        providerError: outcome.message.slice(0, 1000),
        ...(giveUp ? { status: "failed" as const, failedAt: finishedAt } : {}),
      })
      .where(eq(deliveries.id, delivery.id));
    if (outcome.kind === "permanent") return learnFromPermanentFailure(db, delivery, outcome, finishedAt);
    if (giveUp) return;
    await deps.sleep(retryDelayMs(attempt, deps.policy, deps.random(), outcome.retryAfterMs));
    attempt += 1;
    const [row] = await db
      .insert(deliveryAttempts)
      .values({ deliveryId: delivery.id, attempt, startedAt: deps.clock() })
      .returning({ id: deliveryAttempts.id });
    attemptId = row.id;
    outcome = await callProvider(provider, message);
  }
}

type ProviderFor = (d: Delivery) => ChannelProvider | undefined;

// Sends pending deliveries. Each is claimed first (pending → sending, in one statement for
// the batch): only one worker ever moves a row out of "pending", which is what makes a
// duplicate job harmless. Rows whose channel has no provider any more are skipped.
export async function sendDeliveries(deps: SendDeps, pending: Delivery[], providerFor: ProviderFor): Promise<void> {
  const { db } = deps;
  const orphans = pending.filter((d) => !providerFor(d));
  if (orphans.length) {
    await db
      .update(deliveries)
      .set({ status: "skipped", skipReason: "channel_not_enabled" })
      .where(
        and(
          inArray(
            deliveries.id,
            orphans.map((d) => d.id),
          ),
          eq(deliveries.status, "pending"),
        ),
      );
  }
  const sendable = pending.filter((d) => providerFor(d));
  if (!sendable.length) return;

  const won = await db
    .update(deliveries)
    .set({ status: "sending", attempts: sql`${deliveries.attempts} + 1` })
    .where(
      and(
        anyOf(
          deliveries.id,
          sendable.map((d) => d.id),
        ),
        eq(deliveries.status, "pending"),
      ),
    )
    .returning({ id: deliveries.id, attempts: deliveries.attempts });
  if (!won.length) return;
  const byId = new Map(sendable.map((d) => [d.id, d]));
  await sendClaimed(
    deps,
    won.map((w) => Object.assign({}, byId.get(w.id)!, { status: "sending" as const, attempts: w.attempts })),
    providerFor,
  );
}

// Sends deliveries this worker holds in "sending": claimed above, or inserted so by the worker
// that planned them (no other can have them: the insert that created them was its own).
export async function sendClaimed(deps: SendDeps, claimed: Delivery[], providerFor: ProviderFor): Promise<void> {
  const { db } = deps;
  if (!claimed.length) return;
  const accepted: Accepted[] = [];
  // Failed first attempts go on retrying (their failure recorded at once) without holding up
  // the calls after them.
  const retrying: Promise<void>[] = [];
  const settle = (delivery: Delivery, provider: ChannelProvider, message: OutboundMessage, attemptId: string, outcome: SendOutcome) => {
    if (outcome.ok) accepted.push({ delivery, attemptId, providerMessageId: outcome.providerMessageId, at: deps.clock() });
    else retrying.push(retryUntilDone(deps, delivery, provider, message, { attempt: delivery.attempts, attemptId, outcome }));
  };
  const webPushKeys = await webPushKeysFor(db, claimed);
  // A pool of calls, refilled a slice at a time: a slice's attempts are written in one
  // statement when the pool has room for all of it, and its calls start at once. So, if the
  // worker dies, a row with an unfinished attempt may have reached the provider (never
  // resent) and a row without one certainly did not (sent by the recovering worker); and no
  // call waits for the slowest of a window before the next ones start. A provider that sends
  // in batches (FCM) gets a slice per batch, sent in one call.
  const inFlight = new Set<Promise<void>>();
  let inFlightMessages = 0;
  for (const { provider, slice } of slicesByProvider(claimed, providerFor)) {
    const room = Math.max(SEND_CONCURRENCY, 2 * slice.length);
    while (inFlightMessages + slice.length > room) await Promise.race(inFlight);
    const messages = await Promise.all(slice.map((d) => outboundMessageFor(db, d, webPushKeys)));
    const written = startAttempts(db, slice, deps.clock());
    // While the attempts are written: the providers' CPU work (Web Push encryption). One turn
    // of the event loop first, for the driver to put the insert on the wire before it starts.
    await new Promise((resolve) => setImmediate(resolve));
    const prepared = provider.sendBatch ? [] : messages.map((m) => prepareCall(provider, m));
    const attemptIds = await written;
    const calls = provider.sendBatch
      ? [
          callBatch(provider, messages).then((outcomes) =>
            slice.forEach((d, j) => settle(d, provider, messages[j], attemptIds[j], outcomes[j])),
          ),
        ]
      : slice.map((d, j) =>
          callProvider(provider, messages[j], prepared[j]).then((outcome) => settle(d, provider, messages[j], attemptIds[j], outcome)),
        );
    inFlightMessages += slice.length;
    const all = Promise.all(calls).then(() => {
      inFlight.delete(all);
      inFlightMessages -= slice.length;
    });
    inFlight.add(all);
  }
  await Promise.all(inFlight);
  await Promise.all(retrying);
  await recordAccepted(db, accepted);
  // Staff watching the inbox see the tick move without waiting for a poll.
  await announceDeliveryChanges(
    db,
    claimed.filter((d) => d.eventType === HUB_MESSAGE_EVENT).map((d) => d.id),
  );
}
