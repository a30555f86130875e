import { sql, type SQL } from "drizzle-orm";
import { boolean, date, foreignKey, index, pgEnum, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { channelEnum } from "./channels";
import { clinicRef, languageEnum } from "./clinics";
import { createdAt, id, updatedAt } from "./columns";

// Folds what a receptionist cannot be expected to type the same way twice: case, the accents
// of French names ("helene" finds "Hélène"), the ligatures œ and æ ("Coeurderoy" finds
// "Cœurderoy"), apostrophes of either kind and hyphens ("ndiaye" and "N'Diaye" find "N’Diaye",
// "jean pierre" finds "Jean-Pierre"). translate() and replace() are IMMUTABLE (unaccent() is
// not), so the same fold feeds the generated column, its trigram index and the typed query.
export const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõøúùûüýÿ";
export const UNACCENTED = "aaaaaaceeeeiiiinoooooouuuuyy";
// Characters dropped: translate() removes those with no counterpart in UNACCENTED.
const DROPPED = "'’ʼ`-‐‑–";
const quoted = (text: string) => sql.raw(`'${text.replaceAll("'", "''")}'`);
export const foldForSearch = (value: SQL | string) =>
  sql`replace(replace(translate(lower(${value}), ${quoted(ACCENTED + DROPPED)}, ${quoted(UNACCENTED)}), 'œ', 'oe'), 'æ', 'ae')`;

export const patients = pgTable(
  "patients",
  {
    id: id(),
    clinicId: clinicRef(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    // E.164 (+33612345678), normalised on the way in; null when the clinic has no mobile number.
    phone: text(),
    // A landline, E.164 too: shown to staff for calls, never texted.
    landline: text(),
    email: text(),
    // One free-form postal address (street, postcode, city), as clinics print it on letters.
    postalAddress: text(),
    // The clinic's own patient number from its previous software: unique in the clinic, the
    // key a CSV re-import updates by.
    externalId: text(),
    // The channel the patient asked to be reached on first, when the event allows it.
    preferredChannel: channelEnum(),
    // Deactivated: kept for the log and history, never messaged again.
    active: boolean().notNull().default(true),
    // Merged into another record (a duplicate): kept, inactive, as the trail's anchor; its
    // appointments, conversation, household links and deliveries moved to that record.
    mergedIntoId: uuid(),
    language: languageEnum().notNull().default("en"),
    dateOfBirth: date({ mode: "string" }),
    // Telegram chat id, known once the patient has started the clinic's bot.
    telegramChatId: text(),
    // Per-patient switch for practice-booked appointments ("Envoi de SMS et emails activés").
    notificationsEnabled: boolean().notNull().default(true),
    searchText: text()
      .notNull()
      .generatedAlwaysAs((): SQL =>
        foldForSearch(
          // The clinic's patient number and both phones too, so one box finds a patient by any of them.
          sql`${patients.firstName} || ' ' || ${patients.lastName} || ' ' || coalesce(${patients.email}, '') || ' ' || coalesce(${patients.phone}, '') || ' ' || coalesce(${patients.landline}, '') || ' ' || coalesce(${patients.externalId}, '')`,
        ),
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.clinicId, t.id),
    unique().on(t.clinicId, t.externalId),
    foreignKey({ columns: [t.clinicId, t.mergedIntoId], foreignColumns: [t.clinicId, t.id] }),
    index().on(t.clinicId, t.lastName, t.firstName),
    index().on(t.clinicId, t.phone),
    index().on(t.clinicId, t.email),
    index("patients_search_text_trgm").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);

// A portal / mobile-app account. It belongs to one clinic and manages one or more profiles.
export const patientUsers = pgTable(
  "patient_users",
  {
    id: id(),
    clinicId: clinicRef(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.clinicId, t.email), unique().on(t.clinicId, t.id)],
);

export const relationshipEnum = pgEnum("household_relationship", ["self", "child", "parent", "spouse", "other"]);

// Households: which profiles a patient account manages (a parent and two children).
// Only approved links give access to a profile, and only approved profiles receive the account's pushes.
export const patientUserProfiles = pgTable(
  "patient_user_profiles",
  {
    clinicId: uuid().notNull(),
    patientUserId: uuid().notNull(),
    patientId: uuid().notNull(),
    relationship: relationshipEnum().notNull(),
    approved: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.patientUserId, t.patientId] }),
    index().on(t.clinicId, t.patientId),
    // Composite keys make a cross-clinic link impossible, not just unlikely.
    foreignKey({ columns: [t.clinicId, t.patientUserId], foreignColumns: [patientUsers.clinicId, patientUsers.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
  ],
);

export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;
export type PatientUser = typeof patientUsers.$inferSelect;
export type HouseholdRelationship = (typeof relationshipEnum.enumValues)[number];
