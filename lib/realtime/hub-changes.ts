import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/db/client";
import { messages } from "@/db/schema";

// The inbox's live updates. A change to a conversation (a message in or out, a delivery tick,
// star, archive, read) is announced with PostgreSQL NOTIFY inside the writing transaction, so
// it is heard only once committed, and by every app instance on the same database. Both
// engines speak LISTEN/NOTIFY; the server-sent events route relays the changes to browsers.

export const HUB_CHANNEL = "hub_changes";

// A conversation changed (the inbox), a staff member has a new alert (the bell), or an agenda's
// day changed (a booking, a move, the desk's arrived / with the doctor / seen): one feed, one
// LISTEN per process, each stream keeping what is its own.
export type HubChange =
  { clinicId: string; conversationId: string } | { clinicId: string; alertFor: string } | { clinicId: string; agendaId: string };

export async function announceConversationChange(db: Database, change: { clinicId: string; conversationId: string }): Promise<void> {
  await db.execute(sql`select pg_notify(${HUB_CHANNEL}, ${JSON.stringify(change)})`);
}

export async function announceStaffAlert(db: Database, clinicId: string, staffUserId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${HUB_CHANNEL}, ${JSON.stringify({ clinicId, alertFor: staffUserId })})`);
}

export async function announceAgendaChange(db: Database, change: { clinicId: string; agendaId: string }): Promise<void> {
  await db.execute(sql`select pg_notify(${HUB_CHANNEL}, ${JSON.stringify({ clinicId: change.clinicId, agendaId: change.agendaId })})`);
}

// A delivery's status moved: announce the conversations whose messages it carries.
export async function announceDeliveryChanges(db: Database, deliveryIds: string[]): Promise<void> {
  if (!deliveryIds.length) return;
  await db
    .select({
      notified: sql`pg_notify(${HUB_CHANNEL}, json_build_object('clinicId', ${messages.clinicId}, 'conversationId', ${messages.conversationId})::text)`,
    })
    .from(messages)
    .where(inArray(messages.deliveryId, deliveryIds));
}

type Listener = (change: HubChange) => void;

// Where notifications are heard: the database's LISTEN.
export type ListenSource = { listen: (channel: string, onPayload: (payload: string) => void) => Promise<unknown> };

// postgres.js keeps a dedicated connection for LISTEN and re-listens after reconnecting;
// PGlite hears its own process.
export function listenSourceOf(handle: DatabaseHandle): ListenSource {
  return {
    listen: (channel, onPayload) =>
      handle.engine === "postgres" ? handle.sql.listen(channel, onPayload) : handle.pglite.listen(channel, onPayload),
  };
}

// One LISTEN per database handle, fanned out in-process to the browsers of each clinic.
export type FeedState = { state: "idle" | "listening" | "failed"; since: Date | null; failures: number };

export class HubChangeFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private listening: Promise<void> | null = null;
  private health: FeedState = { state: "idle", since: null, failures: 0 };

  constructor(private readonly source: ListenSource) {}

  status(): FeedState {
    return { ...this.health };
  }

  async subscribe(clinicId: string, listener: Listener): Promise<() => void> {
    // A LISTEN that failed is tried again by the next subscriber, never remembered as failed.
    this.listening ??= this.listen().then(
      () => void (this.health = { state: "listening", since: new Date(), failures: 0 }),
      (error: unknown) => {
        this.listening = null;
        this.health = { state: "failed", since: new Date(), failures: this.health.failures + 1 };
        throw error;
      },
    );
    await this.listening;
    const set = this.listeners.get(clinicId) ?? new Set();
    set.add(listener);
    this.listeners.set(clinicId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(clinicId);
    };
  }

  private dispatch = (payload: string) => {
    let change: HubChange;
    try {
      change = JSON.parse(payload) as HubChange;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(change.clinicId) ?? []) listener(change);
  };

  private async listen(): Promise<void> {
    await this.source.listen(HUB_CHANNEL, this.dispatch);
  }
}

const globalForFeed = globalThis as typeof globalThis & { __hubChangeFeed?: HubChangeFeed };

export function hubChangeFeed(handle: DatabaseHandle): HubChangeFeed {
  globalForFeed.__hubChangeFeed ??= new HubChangeFeed(listenSourceOf(handle));
  return globalForFeed.__hubChangeFeed;
}
