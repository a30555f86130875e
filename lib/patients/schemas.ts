import { z } from "zod";
import { cursorSchema } from "@/lib/paging/cursor";

export const patientIdSchema = z.object({ id: z.uuid("must be a patient id") });

export const patientSearchSchema = z.object({
  q: z.string().trim().max(100, "must be at most 100 characters").default(""),
  cursor: cursorSchema(z.tuple([z.string(), z.string(), z.uuid()])).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type PatientSearch = z.output<typeof patientSearchSchema>;
