import { getTranslations } from "next-intl/server";
import { EventChannelsEditor } from "@/components/settings/event-channels-editor";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { PATIENT_CHANNELS } from "@/lib/notifications/decisions/decide-patient-channels";
import { listEventChannels } from "@/lib/notifications/setup/event-channels";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.eventChannels") };
}

// Settings → Event channels: the 13 patient events × the channels each goes out on.
export default async function EventChannelsPage() {
  const ctx = await requireStaffForPage("manage_settings");
  const { events } = await listEventChannels(ctx);
  return <EventChannelsEditor events={events} channels={PATIENT_CHANNELS} />;
}
