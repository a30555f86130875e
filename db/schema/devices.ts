import { boolean, foreignKey, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant, updatedAt } from "./columns";
import { patientUsers } from "./patients";
import { staffUsers, type StaffRole } from "./staff";

export const devicePlatformEnum = pgEnum("device_platform", ["ios", "android", "web"]);

// A patient's phone (FCM token), registered per clinic by the patient app.
// Unregistering or a dead-token answer deactivates it, with the reason; rows are never deleted.
export const patientDevices = pgTable(
  "patient_devices",
  {
    id: id(),
    clinicId: clinicRef(),
    patientUserId: uuid()
      .notNull()
      .references(() => patientUsers.id),
    token: text().notNull(),
    platform: devicePlatformEnum().notNull(),
    // As the app reports them on each registration: for support, and the push's language.
    appVersion: text(),
    locale: text(),
    timeZone: text(),
    active: boolean().notNull().default(true),
    deactivatedAt: instant(),
    deactivationReason: text(),
    lastSeenAt: instant().notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.clinicId, t.token),
    index().on(t.clinicId, t.patientUserId),
    foreignKey({ columns: [t.clinicId, t.patientUserId], foreignColumns: [patientUsers.clinicId, patientUsers.id] }),
  ],
);

// A staff member's browser push subscription (Web Push, VAPID).
export const staffPushSubscriptions = pgTable(
  "staff_push_subscriptions",
  {
    id: id(),
    clinicId: clinicRef(),
    staffUserId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    endpoint: text().notNull().unique(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    // "Chrome on macOS", as the settings page shows it.
    browser: text(),
    active: boolean().notNull().default(true),
    deactivatedAt: instant(),
    deactivationReason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.staffUserId),
    foreignKey({ columns: [t.clinicId, t.staffUserId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

// The staff notification centre (in-app channel).
export const staffNotifications = pgTable(
  "staff_notifications",
  {
    id: id(),
    clinicId: clinicRef(),
    staffUserId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    eventId: uuid().notNull(),
    type: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    link: text(),
    readAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.eventId, t.staffUserId),
    index().on(t.staffUserId, t.createdAt),
    foreignKey({ columns: [t.clinicId, t.staffUserId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

// Who receives each staff alert type in a clinic: roles, the doctor the alert names (a
// cancellation's agenda doctor, a lab result's requesting doctor) and named staff members.
// No row: the product's default routing (lib/notifications/staff-alerts/staff-routing.ts).
export const staffAlertRoutes = pgTable(
  "staff_alert_routes",
  {
    id: id(),
    clinicId: clinicRef(),
    type: text().notNull(),
    roles: jsonb().$type<StaffRole[]>().notNull(),
    namedDoctor: boolean().notNull(),
    staffUserIds: jsonb().$type<string[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex().on(t.clinicId, t.type)],
);

// Each staff member's own choice per alert type: in the app and/or in the browser. No row: both.
export const staffAlertPreferences = pgTable(
  "staff_alert_preferences",
  {
    clinicId: clinicRef(),
    staffUserId: uuid().notNull(),
    type: text().notNull(),
    inApp: boolean().notNull().default(true),
    webPush: boolean().notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex().on(t.staffUserId, t.type),
    foreignKey({ columns: [t.clinicId, t.staffUserId], foreignColumns: [staffUsers.clinicId, staffUsers.id] }),
  ],
);

export type StaffAlertRoute = typeof staffAlertRoutes.$inferSelect;
export type StaffAlertPreference = typeof staffAlertPreferences.$inferSelect;
