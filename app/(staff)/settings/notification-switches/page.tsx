import { getTranslations } from "next-intl/server";
import { NotificationSwitchesEditor } from "@/components/settings/notification-switches-editor";
import { listNotificationSwitches } from "@/lib/appointments/notification-switches";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.switches") };
}

// Settings → Notification switches: agendas × channels, and visit reasons on or off.
export default async function NotificationSwitchesPage() {
  const ctx = await requireStaffForPage("manage_settings");
  const { agendas, visitReasons } = await listNotificationSwitches(ctx);
  const iso = <T extends { lastChange: { by: string; at: Date } | null }>(x: T) => ({
    ...x,
    lastChange: x.lastChange && { by: x.lastChange.by, at: x.lastChange.at.toISOString() },
  });
  return (
    <NotificationSwitchesEditor
      agendas={agendas.map((a) => ({
        id: a.id,
        name: a.name,
        switches: Object.fromEntries(Object.entries(a.switches).map(([k, v]) => [k, iso(v)])),
      }))}
      visitReasons={visitReasons.map(iso)}
      timeZone={ctx.clinic.timeZone}
    />
  );
}
