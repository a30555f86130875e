import { z } from "zod";
import { channelEnum, deliveryStatusEnum } from "@/db/schema";
import { cursorSchema } from "@/lib/paging/cursor";
import { localDateSchema } from "@/lib/time/clinic-time";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const deliveryLogQuerySchema = z.object({
  // Support's search box: a patient's name, a phone in any format, an email, an appointment
  // reference, a provider message id (FCM name, wamid, SES id, SMS sid) or a device token's end.
  q: z.preprocess(
    blankToUndefined,
    z.string().trim().min(2, "must be at least 2 characters").max(300, "must be at most 300 characters").optional(),
  ),
  patient: z.preprocess(blankToUndefined, z.uuid("must be a patient id").optional()),
  event: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z_]+\.[a-z_]+$/, "must be an event type")
      .optional(),
  ),
  channel: z.preprocess(blankToUndefined, z.enum(channelEnum.enumValues).optional()),
  status: z.preprocess(blankToUndefined, z.enum(deliveryStatusEnum.enumValues).optional()),
  from: z.preprocess(blankToUndefined, localDateSchema.optional()),
  to: z.preprocess(blankToUndefined, localDateSchema.optional()),
  cursor: z.preprocess(blankToUndefined, cursorSchema(z.tuple([z.iso.datetime(), z.uuid()])).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeliveryLogQuery = z.output<typeof deliveryLogQuerySchema>;

export const deliveryIdSchema = z.object({ id: z.uuid("must be a delivery id") });
