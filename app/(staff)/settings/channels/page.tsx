import { getTranslations } from "next-intl/server";
import { ChannelsWorkspace } from "@/components/settings/channels-workspace";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { channelWorkspace } from "@/lib/notifications/setup/channel-workspace";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.channels") };
}

// Settings → Channels (admins): each provider's credentials, on or off, and a test send.
export default async function ChannelsPage() {
  const ctx = await requireStaffForPage("manage_settings");
  const { channels } = await channelWorkspace(ctx);
  return <ChannelsWorkspace channels={channels.map((c) => ({ ...c, updatedAt: c.updatedAt?.toISOString() ?? null }))} />;
}
