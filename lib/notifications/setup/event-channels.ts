import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { eventChannelDefaults } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { PATIENT_CHANNELS } from "../decisions/decide-patient-channels";
import { DEFAULT_EVENT_CHANNELS, PATIENT_EVENT_TYPES, type PatientEventType } from "../event-catalog";
import { forgetClinicSettings } from "../events/clinic-settings";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "staff">;

export const eventChannelsSchema = z.strictObject({
  eventType: z.enum(PATIENT_EVENT_TYPES as [PatientEventType, ...PatientEventType[]], "must be one of the 13 patient events"),
  channels: z
    .array(z.enum(PATIENT_CHANNELS, "must be whatsapp, email, sms, telegram or push"))
    .max(PATIENT_CHANNELS.length)
    .refine((list) => new Set(list).size === list.length, "must not list a channel twice"),
});

// For each of the 13 patient events, the channels it goes out on in this clinic (its own
// choice, or the product's default), in the product's channel order.
export async function listEventChannels(ctx: Ctx) {
  const rows = await ctx.db.select().from(eventChannelDefaults).where(inClinic(ctx, eventChannelDefaults));
  return {
    events: PATIENT_EVENT_TYPES.map((eventType) => {
      const row = rows.find((r) => r.eventType === eventType);
      return {
        eventType,
        channels: row?.channels ?? DEFAULT_EVENT_CHANNELS[eventType],
        isDefault: !row,
        defaultChannels: DEFAULT_EVENT_CHANNELS[eventType],
      };
    }),
  };
}

// One event's channels, audited (before and after); the pipeline reads them from its next event.
export async function saveEventChannels(ctx: Ctx, input: z.output<typeof eventChannelsSchema>, now: Date) {
  const channels = PATIENT_CHANNELS.filter((c) => input.channels.includes(c));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(eventChannelDefaults)
      .where(inClinic(ctx, eventChannelDefaults, eq(eventChannelDefaults.eventType, input.eventType)));
    await tx
      .insert(eventChannelDefaults)
      .values({ clinicId: ctx.clinicId, eventType: input.eventType, channels, updatedAt: now })
      .onConflictDoUpdate({ target: [eventChannelDefaults.clinicId, eventChannelDefaults.eventType], set: { channels, updatedAt: now } });
    await recordAudit(
      tx,
      ctx,
      {
        action: "event_channels.saved",
        detail: { eventType: input.eventType, before: before?.channels ?? DEFAULT_EVENT_CHANNELS[input.eventType], after: channels },
      },
      now,
    );
  });
  forgetClinicSettings(ctx.clinicId);
  return { eventType: input.eventType, channels };
}
