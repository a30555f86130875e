import "server-only";
import type { Database } from "@/db/client";
import type { NewDelivery } from "@/db/schema";
import type { DeliveryDecision } from "@/lib/notifications/delivery-decision";
import type { IncomingEvent } from "@/lib/notifications/event-catalog";
import type { TraceEntry } from "@/lib/notifications/event-trace";

// A delivery row as a planner decides it: the decision is the typed contract with the sender.
export type PlannedDelivery = Omit<NewDelivery, "decision"> & { decision: DeliveryDecision };

// rows: every delivery of the event, sent or skipped; decisions: the event's trace for
// support; afterRecord: work that needs the rows stored (linking a hub message to its delivery);
// raises: events this one causes (the staff alert of a cancellation), stored and queued with it.
export type EventPlan = {
  rows: PlannedDelivery[];
  decisions: TraceEntry[];
  afterRecord?: (db: Database) => Promise<void>;
  raises?: IncomingEvent[];
};
