import { z } from "zod";

// A time of day as people type it ("08:30", "24:00" for the end of a day), read as minutes
// after midnight: opening hours, breaks, quiet hours.
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time like 08:30")
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)));
