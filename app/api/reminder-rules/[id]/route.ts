// DELETE /api/reminder-rules/:id — an override removed (its scope follows the clinic's rule
// again), or the clinic's rule (back to the default); upcoming reminders re-planned. Admins.
import { removeReminderRule } from "@/lib/reminders/manage-reminder-rules";
import { reminderRuleIdSchema } from "@/lib/reminders/reminder-rule-input";
import { staffRoute } from "@/lib/api/staff-route";

export const DELETE = staffRoute({ permission: "manage_settings", params: reminderRuleIdSchema }, ({ ctx, params }) =>
  removeReminderRule(ctx, params.id, new Date()),
);
