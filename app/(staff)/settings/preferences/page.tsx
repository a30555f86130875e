import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.preferences") };
}

// Each staff member's own settings: every signed-in account has this page.
export default async function PreferencesPage() {
  const ctx = await requireStaffForPage();
  return <PreferencesForm preferences={ctx.preferences} />;
}
