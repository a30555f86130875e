import { getTranslations } from "next-intl/server";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can, requireStaffForPage } from "@/lib/auth/staff-context";

// Settings has the clinic's own pages (for those who may change them) and each staff
// member's "My preferences".
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireStaffForPage();
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs
        tabs={[
          ...(can(ctx, "manage_settings")
            ? [
                { href: "/settings", label: t("tabs.clinic") },
                { href: "/settings/agendas", label: t("tabs.agendas") },
                { href: "/settings/visit-reasons", label: t("tabs.visitReasons") },
                { href: "/settings/reminders", label: t("tabs.reminders") },
                { href: "/settings/notification-switches", label: t("tabs.switches") },
                { href: "/settings/channels", label: t("tabs.channels") },
                { href: "/settings/event-channels", label: t("tabs.eventChannels") },
                { href: "/settings/templates", label: t("tabs.templates") },
                { href: "/settings/alert-routing", label: t("tabs.alertRouting") },
                { href: "/settings/import", label: t("tabs.import") },
              ]
            : []),
          ...(can(ctx, "manage_staff") ? [{ href: "/settings/staff", label: t("tabs.staff") }] : []),
          ...(can(ctx, "view_audit_log") ? [{ href: "/settings/audit", label: t("tabs.audit") }] : []),
          { href: "/settings/preferences", label: t("tabs.preferences") },
          { href: "/settings/notifications", label: t("tabs.notifications") },
        ]}
      />
      {children}
    </>
  );
}
