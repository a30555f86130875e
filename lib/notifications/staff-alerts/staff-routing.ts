import type { StaffRole } from "@/db/schema";
import type { StaffEventType } from "@/lib/notifications/event-catalog";

// Who receives a staff alert: roles, the doctor the alert names (a cancellation's agenda
// doctor, a lab result's requesting doctor), and named staff members.
export type AlertRoute = { roles: StaffRole[]; namedDoctor: boolean; staffUserIds: string[] };

// Until a clinic sets its own routing rules (Settings → Alert routing).
export const STAFF_ROUTING: Record<StaffEventType, AlertRoute> = {
  "staff.new_session": { roles: ["receptionist"], namedDoctor: true, staffUserIds: [] },
  "staff.session_request": { roles: ["receptionist"], namedDoctor: false, staffUserIds: [] },
  "staff.cancellation": { roles: ["receptionist"], namedDoctor: true, staffUserIds: [] },
  "staff.low_stock": { roles: ["admin"], namedDoctor: false, staffUserIds: [] },
  "staff.lab_result": { roles: ["lab"], namedDoctor: true, staffUserIds: [] },
  "staff.bill_generated": { roles: ["billing"], namedDoctor: false, staffUserIds: [] },
  "staff.refund_processed": { roles: ["finance"], namedDoctor: false, staffUserIds: [] },
  "staff.deposit_received": { roles: ["accounts"], namedDoctor: false, staffUserIds: [] },
  "staff.package_purchased": { roles: ["billing"], namedDoctor: false, staffUserIds: [] },
  "staff.package_redeemed": { roles: ["billing"], namedDoctor: false, staffUserIds: [] },
  "staff.package_expired": { roles: ["billing"], namedDoctor: false, staffUserIds: [] },
  "staff.package_exhausted": { roles: ["billing"], namedDoctor: false, staffUserIds: [] },
  "staff.test_requested": { roles: ["lab"], namedDoctor: false, staffUserIds: [] },
};

// The active staff a route reaches. Pure.
export function staffRecipients<S extends { id: string; role: StaffRole; active: boolean }>(
  route: AlertRoute,
  staff: S[],
  doctorId: string | undefined,
): S[] {
  return staff.filter(
    (s) => s.active && (route.roles.includes(s.role) || (route.namedDoctor && s.id === doctorId) || route.staffUserIds.includes(s.id)),
  );
}
