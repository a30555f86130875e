import { getTranslations } from "next-intl/server";
import { AlertList } from "@/components/alerts/alert-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

// Every staff member's own alerts (the in-app channel of the staff notifications).
export default async function AlertsPage() {
  await requireStaffForPage();
  const t = await getTranslations("alerts");
  return (
    <>
      <PageHeader title={t("title")} />
      <AlertList />
    </>
  );
}
