import { getTranslations } from "next-intl/server";
import { AlertsLive } from "@/components/alerts/alerts-live";
import { Announcer } from "@/components/shell/announcer";
import { Sidebar } from "@/components/shell/sidebar";
import { ShortcutsPreference } from "@/components/shortcuts/use-shortcut";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { localSinksEnabled } from "@/lib/config/env";

// Every page below requires a signed-in staff member; each page checks its own permission too.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireStaffForPage();
  const t = await getTranslations("shell");
  return (
    <ShortcutsPreference enabled={ctx.preferences.keyboardShortcuts}>
      <Announcer>
        <AlertsLive>
          <div className="flex min-h-screen flex-col md:flex-row">
            {/* The first thing a keyboard reaches: past the navigation, straight to the page. */}
            <a
              href="#main"
              className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 ring-2 ring-brand-600 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
            >
              {t("skipToContent")}
            </a>
            <Sidebar
              clinicName={ctx.clinic.name}
              staff={{ name: ctx.staff.name, role: ctx.staff.role }}
              permissions={[...ctx.permissions]}
              showSinks={localSinksEnabled() && ctx.permissions.has("view_local_sinks")}
            />
            <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-3 py-4 focus:outline-none sm:px-8 sm:py-6 print:p-0">
              {children}
            </main>
          </div>
        </AlertsLive>
      </Announcer>
    </ShortcutsPreference>
  );
}
