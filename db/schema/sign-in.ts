import { foreignKey, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id, instant, updatedAt } from "./columns";
import { patientUsers } from "./patients";

// Sign-in failures by key: one per account and address it was tried from, one per address.
// Shared by every app instance; rows of a success are removed.
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  blockedUntil: instant(),
  updatedAt: updatedAt(),
});

// A patient app's session (iOS, Android, the web portal): a bearer token of which only a
// SHA-256 is kept, valid until it expires or is revoked (sign-out, a lost phone).
export const patientSessions = pgTable(
  "patient_sessions",
  {
    id: id(),
    clinicId: clinicRef(),
    patientUserId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: createdAt(),
    expiresAt: instant().notNull(),
    revokedAt: instant(),
    lastUsedAt: instant(),
  },
  (t) => [
    index().on(t.patientUserId),
    foreignKey({ columns: [t.clinicId, t.patientUserId], foreignColumns: [patientUsers.clinicId, patientUsers.id] }),
  ],
);

export type PatientSession = typeof patientSessions.$inferSelect;
