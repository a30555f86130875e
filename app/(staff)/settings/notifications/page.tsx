import { getTranslations } from "next-intl/server";
import { BrowserPushSettings } from "@/components/settings/browser-push-settings";
import { listMyPushSubscriptions } from "@/lib/alerts/push-subscriptions";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.notifications") };
}

// Every staff member's own: browser push on this browser, and their subscribed browsers.
export default async function MyNotificationsPage() {
  const ctx = await requireStaffForPage();
  const { publicKey, subscriptions } = await listMyPushSubscriptions(ctx);
  return <BrowserPushSettings publicKey={publicKey} subscriptions={subscriptions} />;
}
