import { z } from "zod";
import { staffRoleEnum } from "@/db/schema";
import { STAFF_EVENT_TYPES } from "@/lib/notifications/event-catalog";

const alertType = z.enum(STAFF_EVENT_TYPES, "must be a staff alert type, like staff.cancellation");

export const alertRouteSchema = z.strictObject({
  type: alertType,
  roles: z
    .array(z.enum(staffRoleEnum.enumValues, "must be a staff role"))
    .max(staffRoleEnum.enumValues.length)
    .refine((r) => new Set(r).size === r.length, "must not name a role twice"),
  namedDoctor: z.boolean("must be true or false"),
  staffUserIds: z.array(z.uuid("must be a staff member's id")).max(100).default([]),
});
export type AlertRouteInput = z.output<typeof alertRouteSchema>;

export const alertPreferencesSchema = z.strictObject({
  preferences: z
    .array(z.strictObject({ type: alertType, inApp: z.boolean("must be true or false"), webPush: z.boolean("must be true or false") }))
    .min(1, "must list at least one alert type")
    .max(STAFF_EVENT_TYPES.length),
});
export type AlertPreferencesInput = z.output<typeof alertPreferencesSchema>;
