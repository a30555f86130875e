import { Settings } from "lucide-react";
import { UpcomingArea } from "@/components/shell/upcoming-area";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export default async function SettingsPage() {
  await requireStaffForPage("manage_settings");
  return <UpcomingArea area="settings" icon={Settings} />;
}
