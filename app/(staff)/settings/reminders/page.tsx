import { getTranslations } from "next-intl/server";
import { ReminderRulesEditor } from "@/components/settings/reminder-rules-editor";
import { listAgendas, listVisitReasons } from "@/lib/appointments/agendas";
import { listReminderRules } from "@/lib/reminders/manage-reminder-rules";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { PATIENT_CHANNELS } from "@/lib/notifications/decisions/decide-patient-channels";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.reminders") };
}

export default async function ReminderSettingsPage() {
  const ctx = await requireStaffForPage("manage_settings");
  const [rules, agendas, visitReasons] = await Promise.all([listReminderRules(ctx), listAgendas(ctx), listVisitReasons(ctx)]);
  return (
    <ReminderRulesEditor
      clinicRule={rules.clinic}
      overrides={rules.overrides}
      agendas={agendas.map((a) => ({ id: a.id, name: a.name }))}
      visitReasons={visitReasons.map((v) => ({ id: v.id, name: v.name }))}
      channels={PATIENT_CHANNELS}
    />
  );
}
