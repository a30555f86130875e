import { z } from "zod";
import type { Channel, EventRow } from "@/db/schema";
import { PATIENT_CHANNELS } from "./decisions/decide-patient-channels";

// The events the platform accepts (POST /api/events, and the app's own actions), each with
// its own payload schema. Types are topic-style routing keys: "appointment.cancelled".

const appointmentRef = z
  .object({
    appointmentId: z.uuid("must be an appointment id").optional(),
    bookingReference: z.string().trim().min(1).max(64).optional(),
    // The staff member who made the change in the app: spared the staff alert it raises.
    actorStaffId: z.uuid("must be a staff id").optional(),
  })
  .refine((v) => v.appointmentId || v.bookingReference, {
    message: "give appointmentId or bookingReference",
    path: ["appointmentId"],
  });

const money = z.number().nonnegative().max(1_000_000);

// One message for a recurring booking, or for a change made "from this one on": how many
// appointments it covers and when the last of them is.
const seriesRef = z.object({
  series: z.object({ count: z.number().int().min(2).max(52), lastStartsAt: z.iso.datetime({ offset: true }) }).optional(),
});

// A reminder's own channels, in order (the scheduler passes its rule's step; without them the
// clinic's channels for appointment.reminder apply). first_available: only the first channel
// that can reach the patient; the rest wait for the backup.
export const REMINDER_CHANNELS = z.object({
  channels: z.array(z.enum(PATIENT_CHANNELS)).min(1).max(PATIENT_CHANNELS.length).optional(),
  pick: z.enum(["all", "first_available"]).default("all"),
  stage: z.enum(["first", "backup"]).default("first"),
});

const patientRef = z.object({ patientId: z.uuid("must be a patient id") });

export const PATIENT_EVENT_PAYLOADS = {
  "appointment.confirmed": appointmentRef
    .and(z.object({ amount: money.optional(), paymentStatus: z.enum(["paid", "unpaid", "not_required"]).optional() }))
    .and(seriesRef),
  "appointment.pending_approval": appointmentRef,
  "appointment.rejected": appointmentRef.and(z.object({ reason: z.string().max(500).optional() })),
  "appointment.cancelled": appointmentRef
    .and(z.object({ cancelledBy: z.enum(["patient", "staff", "system"]).default("staff"), reason: z.string().max(500).optional() }))
    .and(seriesRef),
  "appointment.rescheduled": appointmentRef.and(z.object({ previousStartsAt: z.iso.datetime({ offset: true }).optional() })).and(seriesRef),
  "appointment.completed": appointmentRef,
  "appointment.no_show": appointmentRef,
  "appointment.reminder": appointmentRef.and(
    z
      .object({
        offset: z
          .string()
          .regex(/^\d+[mhd]$/, "must be like 24h, 2h or 30m")
          .default("24h"),
      })
      .and(REMINDER_CHANNELS),
  ),
  "walkin.token_called": patientRef.and(
    z.object({ tokenNumber: z.string().min(1).max(20), queueName: z.string().min(1).max(100), room: z.string().min(1).max(100) }),
  ),
  "walkin.approaching_turn": patientRef.and(
    z.object({
      tokenNumber: z.string().min(1).max(20),
      queueName: z.string().min(1).max(100),
      position: z.number().int().min(1).max(1000),
    }),
  ),
  "clinical.prescription_ready": patientRef.and(z.object({ documentId: z.string().max(100).optional() })),
  // doctorId: the doctor who ordered it, when the lab system knows; else the patient's doctor
  // (their latest appointment's agenda) gets the staff alert.
  "clinical.report_ready": patientRef.and(
    z.object({ documentId: z.string().max(100).optional(), doctorId: z.uuid("must be a staff id").optional() }),
  ),
  "doctor.emergency_leave": appointmentRef.and(
    z.object({ refundAmount: money, currency: z.string().length(3).toUpperCase(), rescheduleUrl: z.url({ protocol: /^https?$/ }) }),
  ),
} as const;

export type PatientEventType = keyof typeof PATIENT_EVENT_PAYLOADS;
export const PATIENT_EVENT_TYPES = Object.keys(PATIENT_EVENT_PAYLOADS) as PatientEventType[];

const staffPayload = z.object({
  summary: z.string().trim().min(1).max(200),
  patientId: z.uuid().optional(),
  doctorId: z.uuid().optional(),
  // A path inside the app the notification opens ("/patients/…").
  link: z
    .string()
    .regex(/^\/[^/]/, "must be a path inside the app")
    .max(300)
    .optional(),
  // Raised from a change a staff member made in the app: that person is not alerted.
  actorStaffId: z.uuid("must be a staff id").optional(),
});

export const STAFF_EVENT_TYPES = [
  "staff.new_session",
  "staff.session_request",
  "staff.cancellation",
  "staff.low_stock",
  "staff.lab_result",
  "staff.bill_generated",
  "staff.refund_processed",
  "staff.deposit_received",
  "staff.package_purchased",
  "staff.package_redeemed",
  "staff.package_expired",
  "staff.package_exhausted",
  "staff.test_requested",
] as const;
export type StaffEventType = (typeof STAFF_EVENT_TYPES)[number];
export type EventType = PatientEventType | StaffEventType;

// Internal only (never accepted by POST /api/events): a message a staff member wrote in the
// Communication Hub, sent through the same providers and delivery log.
export const HUB_MESSAGE_EVENT = "hub.message";
export const hubMessagePayloadSchema = z.object({ messageId: z.uuid() });
export type HubMessageEvent = { id: string; type: typeof HUB_MESSAGE_EVENT; data: z.infer<typeof hubMessagePayloadSchema> };

// One event per hub message: sending the same message again is the same event.
export function hubMessageEvent(messageId: string): HubMessageEvent {
  return { id: `hub:${messageId}`, type: HUB_MESSAGE_EVENT, data: { messageId } };
}

export function isPatientEvent(type: string): type is PatientEventType {
  return type in PATIENT_EVENT_PAYLOADS;
}

const envelope = {
  // The caller's unique id for this event; the same id is processed once.
  id: z.string().trim().min(1).max(200).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
};

// The two casts are sound and needed only because the members are built from lists: each member
// is { type: literal T, data: T's schema }, whose output is IncomingEvent narrowed to T.
export const eventSchema = z.discriminatedUnion("type", [
  ...PATIENT_EVENT_TYPES.map((type) => z.object({ ...envelope, type: z.literal(type), data: PATIENT_EVENT_PAYLOADS[type] })),
  ...STAFF_EVENT_TYPES.map((type) => z.object({ ...envelope, type: z.literal(type), data: staffPayload })),
] as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<IncomingEvent>;

export type IncomingEvent = { id?: string; occurredAt?: string; type: EventType; data: Record<string, unknown> };

// An event as the pipeline reads it back: its payload typed by its type, so a planner narrows
// on `type` and reads fields the catalogue guarantees (no casts, no fallbacks).
export type StaffPayload = z.infer<typeof staffPayload>;
type PayloadOf = { [T in PatientEventType]: z.output<(typeof PATIENT_EVENT_PAYLOADS)[T]> } & { [T in StaffEventType]: StaffPayload } & {
  [HUB_MESSAGE_EVENT]: z.infer<typeof hubMessagePayloadSchema>;
};
type Stored<T extends keyof PayloadOf> = Omit<EventRow, "type" | "payload"> & { type: T; payload: PayloadOf[T] };
export type StoredEvent = { [T in keyof PayloadOf]: Stored<T> }[keyof PayloadOf];
export type PatientStoredEvent = { [T in PatientEventType]: Stored<T> }[PatientEventType];
export type StaffStoredEvent = { [T in StaffEventType]: Stored<T> }[StaffEventType];
export type HubStoredEvent = Stored<typeof HUB_MESSAGE_EVENT>;

// Parses a stored row against its type's schema. Rows come in through the one door, which
// checked the same schema, so a failure here is a bug: it throws, and the event fails loudly.
export function storedEvent(row: EventRow): StoredEvent {
  const schema = isPatientEvent(row.type)
    ? PATIENT_EVENT_PAYLOADS[row.type]
    : (STAFF_EVENT_TYPES as readonly string[]).includes(row.type)
      ? staffPayload
      : row.type === HUB_MESSAGE_EVENT
        ? hubMessagePayloadSchema
        : null;
  if (!schema) throw new Error(`event ${row.id}: no event type ${row.type} in the catalogue`);
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw new Error(`event ${row.id} (${row.type}): payload does not match the catalogue: ${parsed.error.message}`);
  // Sound: the schema was chosen by row.type, so the payload is that type's; TypeScript cannot
  // correlate the two across the union.
  return { ...row, payload: parsed.data } as StoredEvent;
}

export const isStaffEvent = (e: StoredEvent): e is StaffStoredEvent => e.type.startsWith("staff.");
export const isPatientStoredEvent = (e: StoredEvent): e is PatientStoredEvent => isPatientEvent(e.type);

// The product's default channels per event; "(configurable)" events start with those a
// clinic would expect, and every clinic can change them in Settings.
export const DEFAULT_EVENT_CHANNELS: Record<EventType, Channel[]> = {
  "appointment.confirmed": ["whatsapp", "email"],
  "appointment.pending_approval": ["email"],
  "appointment.rejected": ["whatsapp", "email"],
  "appointment.cancelled": ["whatsapp", "email", "sms"],
  "appointment.rescheduled": ["whatsapp", "email"],
  "appointment.completed": [],
  "appointment.no_show": ["email"],
  "appointment.reminder": ["whatsapp", "email", "sms", "push"],
  "walkin.token_called": ["sms", "push"],
  "walkin.approaching_turn": ["sms", "push"],
  "clinical.prescription_ready": ["whatsapp", "email"],
  "clinical.report_ready": ["whatsapp", "email"],
  "doctor.emergency_leave": ["whatsapp", "email"],
  "staff.new_session": ["in_app", "web_push"],
  "staff.session_request": ["in_app", "web_push"],
  "staff.cancellation": ["in_app", "web_push"],
  "staff.low_stock": ["in_app", "web_push"],
  "staff.lab_result": ["in_app", "web_push"],
  "staff.bill_generated": ["in_app", "web_push"],
  "staff.refund_processed": ["in_app", "web_push"],
  "staff.deposit_received": ["in_app", "web_push"],
  "staff.package_purchased": ["in_app"],
  "staff.package_redeemed": ["in_app"],
  "staff.package_expired": ["in_app"],
  "staff.package_exhausted": ["in_app"],
  "staff.test_requested": ["in_app", "web_push"],
};

// Every stored event's payload schema, by type: the one door into the pipeline (storeEvents)
// checks each payload against it before the row is written.
const PAYLOAD_SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  ...PATIENT_EVENT_PAYLOADS,
  ...Object.fromEntries(STAFF_EVENT_TYPES.map((type) => [type, staffPayload])),
  [HUB_MESSAGE_EVENT]: hubMessagePayloadSchema,
};

// The payload as the catalogue reads it (its defaults applied). A payload that does not match
// is a bug in the code that wrote it, so it throws rather than being stored and guessed at.
export function checkedPayload(type: string, data: unknown): Record<string, unknown> {
  const schema = PAYLOAD_SCHEMAS[type];
  if (!schema) throw new Error(`"${type}" is not an event type of the catalogue`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`a "${type}" payload does not match the event catalogue: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
