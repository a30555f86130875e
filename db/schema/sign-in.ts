import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant, updatedAt } from "./columns";

// Sign-in failures by key: one per account and address it was tried from, one per address.
// Shared by every app instance; rows of a success are removed.
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  blockedUntil: instant(),
  updatedAt: updatedAt(),
});
