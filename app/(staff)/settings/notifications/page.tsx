import { getTranslations } from "next-intl/server";
import { AlertPreferencesForm } from "@/components/settings/alert-preferences-form";
import { BrowserPushSettings } from "@/components/settings/browser-push-settings";
import { listMyAlertPreferences } from "@/lib/notifications/staff-alerts/alert-routing";
import { listMyPushSubscriptions } from "@/lib/notifications/staff-alerts/push-subscriptions";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.notifications") };
}

// Every staff member's own: browser push on this browser, and their subscribed browsers.
export default async function MyNotificationsPage() {
  const ctx = await requireStaffForPage();
  const [{ publicKey, subscriptions }, { preferences }] = await Promise.all([listMyPushSubscriptions(ctx), listMyAlertPreferences(ctx)]);
  return (
    <div className="max-w-2xl space-y-6">
      <BrowserPushSettings publicKey={publicKey} subscriptions={subscriptions} />
      <AlertPreferencesForm preferences={preferences} />
    </div>
  );
}
