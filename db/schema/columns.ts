import { timestamp, uuid } from "drizzle-orm/pg-core";

// Shared column builders, so every table stores instants the same way (UTC, timestamptz).
export const id = () => uuid().primaryKey().defaultRandom();
export const instant = () => timestamp({ withTimezone: true, mode: "date" });
export const createdAt = () => instant().notNull().defaultNow();
export const updatedAt = () =>
  instant()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
