import { boolean, char, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const languageEnum = pgEnum("language", ["en", "fr"]);

// The tenant. Every other table carries clinic_id, and every query filters on it.
export const clinics = pgTable("clinics", {
  id: id(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  // IANA zone: reminders, "today" and every displayed time are the clinic's, not the server's.
  timeZone: text().notNull(),
  // ISO 3166 country used to read phone numbers typed in national format.
  country: char({ length: 2 }).notNull(),
  defaultLanguage: languageEnum().notNull().default("en"),
  // Set by the demo seed only: the sign-in page lists demo accounts when it is true.
  isDemo: boolean().notNull().default(false),
  createdAt: createdAt(),
});

export type Clinic = typeof clinics.$inferSelect;
export type Language = (typeof languageEnum.enumValues)[number];

// The owning clinic: every tenant table's first column after its id.
export const clinicRef = () =>
  uuid()
    .notNull()
    .references(() => clinics.id);
