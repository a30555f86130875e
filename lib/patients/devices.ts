import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { devicePlatformEnum, patientDevices, patientUserProfiles, patients } from "@/db/schema";
import type { PatientContext } from "@/lib/auth/patient-session";
import { inClinic } from "@/lib/clinics/scope";
import { NotFoundError } from "@/lib/errors/app-errors";

// FCM registration tokens (and the web portal's) are long URL-safe strings.
const deviceToken = z.string().regex(/^[A-Za-z0-9_:.-]{20,4096}$/, "must be the push token the platform gave the app");

export const deviceRegistrationSchema = z.strictObject({
  token: deviceToken,
  platform: z.enum(devicePlatformEnum.enumValues, "must be ios, android or web"),
  appVersion: z.string().trim().max(40, "must be at most 40 characters").optional(),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/, "must be a locale like fr-FR")
    .optional(),
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", "must be an IANA time zone like Europe/Paris")
    .optional(),
});
export type DeviceRegistration = z.output<typeof deviceRegistrationSchema>;

export const deviceTokenParamSchema = z.object({ token: deviceToken });

// The profiles a patient account receives pushes for: its approved links.
export async function approvedProfiles(ctx: PatientContext) {
  return ctx.db
    .select({ patientId: patients.id, firstName: patients.firstName, lastName: patients.lastName })
    .from(patientUserProfiles)
    .innerJoin(patients, eq(patients.id, patientUserProfiles.patientId))
    .where(
      inClinic(ctx, patientUserProfiles, eq(patientUserProfiles.patientUserId, ctx.patientUserId), eq(patientUserProfiles.approved, true)),
    );
}

// The app registers its push token after sign-in and again on every reopen: one device row
// per token in the clinic, refreshed (last seen, reactivated) rather than duplicated. It
// receives the pushes of every approved profile the account manages, one alert per event. A
// token another account had (the phone changed hands) leaves that account.
export async function registerDevice(ctx: PatientContext, input: DeviceRegistration, now: Date) {
  const details = {
    platform: input.platform,
    appVersion: input.appVersion ?? null,
    locale: input.locale ?? null,
    timeZone: input.timeZone ?? null,
  };
  const [device] = await ctx.db
    .insert(patientDevices)
    .values({ clinicId: ctx.clinicId, patientUserId: ctx.patientUserId, token: input.token, ...details, lastSeenAt: now, createdAt: now })
    .onConflictDoUpdate({
      target: [patientDevices.clinicId, patientDevices.token],
      set: { patientUserId: ctx.patientUserId, ...details, active: true, deactivatedAt: null, deactivationReason: null, lastSeenAt: now },
    })
    .returning();
  const profiles = await approvedProfiles(ctx);
  return {
    device: { id: device.id, platform: device.platform, active: device.active, lastSeenAt: device.lastSeenAt },
    profiles: profiles.map((p) => ({ patientId: p.patientId, name: `${p.firstName} ${p.lastName}` })),
  };
}

// Sign-out or the app's own "notifications off": the row stays for the delivery log, and is
// never sent to again (until the app registers the token anew).
export async function unregisterDevice(ctx: PatientContext, token: string, now: Date) {
  const [device] = await ctx.db
    .update(patientDevices)
    .set({ active: false, deactivatedAt: now, deactivationReason: "unregistered by the app" })
    .where(inClinic(ctx, patientDevices, and(eq(patientDevices.token, token), eq(patientDevices.patientUserId, ctx.patientUserId))))
    .returning({ id: patientDevices.id });
  if (!device) throw new NotFoundError("Device");
  return { device: { id: device.id, active: false } };
}
