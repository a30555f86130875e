import { getTranslations } from "next-intl/server";
import { AlertRoutingEditor } from "@/components/settings/alert-routing-editor";
import { staffRoleEnum } from "@/db/schema";
import { listAlertRoutes } from "@/lib/notifications/staff-alerts/alert-routing";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.alertRouting") };
}

export default async function AlertRoutingPage() {
  const ctx = await requireStaffForPage("manage_settings");
  const { routes, staff } = await listAlertRoutes(ctx);
  return <AlertRoutingEditor routes={routes} roles={staffRoleEnum.enumValues} staff={staff} />;
}
