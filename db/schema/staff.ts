import { boolean, index, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant, updatedAt } from "./columns";

export const staffRoleEnum = pgEnum("staff_role", ["admin", "receptionist", "doctor", "lab", "billing", "finance", "accounts", "support"]);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: id(),
    clinicId: clinicRef(),
    name: text().notNull(),
    // Stored lower-cased; one account per address across the platform, so sign-in finds the clinic.
    email: text().notNull().unique(),
    passwordHash: text().notNull(),
    role: staffRoleEnum().notNull(),
    // Granted permissions (see lib/auth/permissions.ts); starts from the role's defaults.
    permissions: text().array().notNull().default([]),
    active: boolean().notNull().default(true),
    // The staff member's own choice ("My preferences"): single-key shortcuts in the inbox and logs.
    keyboardShortcuts: boolean().notNull().default(true),
    lastSignInAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.clinicId, t.role), unique().on(t.clinicId, t.id)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = (typeof staffRoleEnum.enumValues)[number];
