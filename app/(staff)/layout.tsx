import { Sidebar } from "@/components/shell/sidebar";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { localSinksEnabled } from "@/lib/config/env";

// Every page below requires a signed-in staff member; each page checks its own permission too.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireStaffForPage();
  return (
    <div className="flex min-h-screen">
      <Sidebar
        clinicName={ctx.clinic.name}
        staff={{ name: ctx.staff.name, role: ctx.staff.role }}
        permissions={[...ctx.permissions]}
        showSinks={localSinksEnabled() && ctx.permissions.has("view_local_sinks")}
      />
      <main className="min-w-0 flex-1 px-4 py-6 sm:px-8">{children}</main>
    </div>
  );
}
