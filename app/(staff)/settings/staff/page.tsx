import { getTranslations } from "next-intl/server";
import { StaffManager } from "@/components/settings/staff-manager";
import { staffRoleEnum } from "@/db/schema";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { listStaff } from "@/lib/staff/manage-staff";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.staff") };
}

// Settings → Staff (manage_staff): who works here, their role and permissions, add, deactivate,
// reset a password.
export default async function StaffPage() {
  const ctx = await requireStaffForPage("manage_staff");
  const { staff } = await listStaff(ctx);
  return (
    <StaffManager
      staff={staff.map((s) => ({ ...s, lastSignInAt: s.lastSignInAt?.toISOString() ?? null }))}
      me={ctx.staff.id}
      roles={staffRoleEnum.enumValues}
      permissions={PERMISSIONS}
    />
  );
}
