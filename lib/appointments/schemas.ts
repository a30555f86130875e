import { z } from "zod";
import { appointmentStatusEnum } from "@/db/schema";
import { localDateSchema, localDateTimeSchema } from "@/lib/time/clinic-time";

export const appointmentIdSchema = z.object({ id: z.uuid("must be an appointment id") });

// Cancelling has its own action (with a reason), so set_status never takes "cancelled".
const settableStatus = z.enum(appointmentStatusEnum.enumValues.filter((s) => s !== "cancelled") as [string, ...string[]]);

export const appointmentChangeSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("set_status"), status: settableStatus }),
  z.object({ action: z.literal("cancel"), reason: z.string().trim().max(500).optional() }),
  // Wall-clock time in the clinic's time zone.
  z.object({ action: z.literal("reschedule"), startsAt: localDateTimeSchema }),
]);

export type AppointmentChange = z.output<typeof appointmentChangeSchema>;

export const appointmentListSchema = z.object({
  date: localDateSchema.optional(),
  agendaId: z.uuid("must be an agenda id").optional(),
});
