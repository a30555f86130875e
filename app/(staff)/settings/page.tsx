import { Settings } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { can, requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

// The clinic's settings (channels, switches, reminder rules and templates come here); a
// staff member who may not change them lands on their own preferences instead.
export default async function SettingsPage() {
  const ctx = await requireStaffForPage();
  if (!can(ctx, "manage_settings")) redirect("/settings/preferences");
  const t = await getTranslations("upcoming");
  return (
    <EmptyState icon={Settings} title={t("settings.title")}>
      {t("settings.body")}
    </EmptyState>
  );
}
