// GET /api/reminder-rules — the clinic's reminder rule (or the default) and its overrides per
// agenda and visit reason. PUT — saves the rule of one scope; the upcoming appointments it
// covers are re-planned at once. Admins, audited.
import { listReminderRules, saveReminderRule } from "@/lib/reminders/manage-reminder-rules";
import { reminderRuleSchema } from "@/lib/reminders/reminder-rule-input";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({ permission: "manage_settings" }, ({ ctx }) => listReminderRules(ctx));

export const PUT = staffRoute({ permission: "manage_settings", body: reminderRuleSchema }, ({ ctx, body }) =>
  saveReminderRule(ctx, body, new Date()),
);
