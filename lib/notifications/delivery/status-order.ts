import type { DeliveryStatus } from "@/db/schema";

// Delivery statuses only move forward. Receipts arrive out of order and more than once:
// a late "sent" must never undo "delivered", and nothing revives a failed or bounced message.
const RANK: Record<DeliveryStatus, number> = {
  skipped: -1,
  pending: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 5,
  bounced: 5,
};

const TERMINAL: ReadonlySet<DeliveryStatus> = new Set(["failed", "bounced", "skipped"]);

export function canMoveTo(from: DeliveryStatus, to: DeliveryStatus): boolean {
  if (TERMINAL.has(from)) return false;
  return RANK[to] > RANK[from];
}
