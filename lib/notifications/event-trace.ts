import { z } from "zod";
import { channelEnum, staffRoleEnum } from "@/db/schema";
import { SKIP_REASONS } from "./skip-reasons";

// An event's trace (events.decisions): why each channel was used or not, for support. Written
// by the planners as typed entries, read back by the delivery page through `eventTraceOf`.

const channel = z.enum(channelEnum.enumValues);
const reason = z.enum(SKIP_REASONS);

export const traceEntrySchema = z.union([
  // A channel that goes out, to these recipients (a patient's phone, email or devices).
  z.object({
    channel,
    send: z.literal(true),
    recipients: z.array(z.object({ address: z.string(), deviceId: z.string().optional() })).optional(),
    whatsappMode: z.enum(["text", "template"]).optional(),
  }),
  // A channel that does not, and why (for one staff member when staffId is there).
  z.object({ channel, send: z.literal(false).optional(), reason, staffId: z.string().optional() }),
  // The whole event skipped: the appointment moved on, the patient is gone.
  z.object({ reason, detail: z.string().optional() }),
  // Channels after the first that reached the patient, kept for the backup.
  z.object({ heldForBackup: z.array(channel) }),
  // Who a staff alert goes to: the product's default or the clinic's own rule.
  z.object({
    routing: z.enum(["default", "clinic_rule"]),
    roles: z.array(z.enum(staffRoleEnum.enumValues)),
    namedDoctor: z.boolean(),
    staffUserIds: z.array(z.string()),
  }),
]);

export type TraceEntry = z.infer<typeof traceEntrySchema>;

// Entries written before this contract (or by hand) are left out of the page rather than
// breaking it; `unreadable` says how many, so support knows the trace is incomplete.
export function eventTraceOf(stored: unknown): { entries: TraceEntry[]; unreadable: number } {
  const list = Array.isArray(stored) ? stored : [];
  const entries: TraceEntry[] = [];
  for (const item of list) {
    const parsed = traceEntrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
  }
  return { entries, unreadable: list.length - entries.length };
}
