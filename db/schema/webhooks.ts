import { jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, id } from "./columns";

// A signed provider webhook we could not use (wrong shape, NUL characters, a timestamp out of
// range): kept once, answered 200 so the provider stops retrying, and visible to support.
export const poisonWebhooks = pgTable(
  "poison_webhooks",
  {
    id: id(),
    clinicId: clinicRef(),
    provider: text().notNull(),
    bodySha256: text().notNull(),
    // The fields that were wrong; the body itself, with NUL characters made visible.
    problems: jsonb().$type<Record<string, string[]>>().notNull(),
    body: text().notNull(),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.clinicId, t.provider, t.bodySha256)],
);
