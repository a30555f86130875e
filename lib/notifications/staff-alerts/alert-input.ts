import { z } from "zod";
import { cursorSchema } from "@/lib/paging/cursor";

const blank = (v: unknown) => (v === "" ? undefined : v);

export const alertListSchema = z.object({
  unread: z.preprocess(
    blank,
    z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
  ),
  cursor: z.preprocess(blank, cursorSchema(z.tuple([z.iso.datetime(), z.uuid()])).optional()),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AlertListQuery = z.output<typeof alertListSchema>;

export const alertIdSchema = z.object({ id: z.uuid("must be an alert id") });
export const alertUpdateSchema = z.strictObject({ read: z.boolean("must be true or false") });
