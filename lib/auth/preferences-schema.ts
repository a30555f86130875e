import { z } from "zod";

// What a staff member sets for themself in "My preferences". Each field is optional in a
// change, so a page can save one switch without knowing the others.
export const staffPreferencesSchema = z.strictObject({
  keyboardShortcuts: z.boolean(),
});
export const staffPreferencesChangeSchema = staffPreferencesSchema.partial().refine((change) => Object.keys(change).length > 0, {
  message: "Name at least one preference to change.",
});

export type StaffPreferences = z.infer<typeof staffPreferencesSchema>;
